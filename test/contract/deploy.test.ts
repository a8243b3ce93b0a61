import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { ENV_VARIABLES, loadConfig, type GatewayConfig } from '../../src/config';
import { METRICS_PATH } from '../../src/observability/metrics-endpoint';
import { startTestStack } from '../helpers/gateway';

// The deployment files against the code: every Kubernetes manifest of the
// kustomize base and docker-compose.yml must name ports, probe paths, env
// variables and the secret file the way the gateway actually reads them.
// (kustomize itself is not installed: kustomization.yaml's resources are read
// and parsed one by one.)

const ROOT = path.resolve(__dirname, '../..');
const BASE = path.join(ROOT, 'deploy/base');

type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: any;
};
type EnvEntry = { name: string; value?: string; valueFrom?: unknown };

function parseFile(file: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const document of documents) {
    if (document.errors.length) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
  }
  return documents.map((document) => document.toJS()).filter((object) => object != null);
}

const kustomization = parse(readFileSync(path.join(BASE, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
const manifests = kustomization.resources.flatMap((resource) => parseFile(path.join(BASE, resource))) as Manifest[];

function find(kind: string, name: string): Manifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/base`);
  return found;
}

const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);

/** Variables the gateway reads, plus OTEL_* (read by the OpenTelemetry SDK itself). */
const isReadByTheGateway = (name: string) => ENV_VARIABLES.includes(name) || name.startsWith('OTEL_');

/** loadConfig over literal env values, with the secret file swapped for a temporary one holding a key. */
function configFrom(env: Record<string, string>): GatewayConfig {
  const dir = mkdtempSync(path.join(tmpdir(), 'pngw-deploy-'));
  try {
    const keyFile = path.join(dir, 'api-key');
    writeFileSync(keyFile, 'sk_car_deploy_test\n');
    return loadConfig({ ...env, CARTESIA_API_KEY_FILE: keyFile });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const gateway = find('Deployment', 'phone-numbers-gateway');
const pod = gateway.spec.template.spec;
const container = pod.containers.find((c: { name: string }) => c.name === 'gateway');
const env = Object.fromEntries((container.env as EnvEntry[]).map((entry) => [entry.name, entry.value!]));
const portNamed = (name: string): number =>
  container.ports.find((p: { name: string }) => p.name === name).containerPort;

describe('deploy/base (kustomize)', () => {
  it('lists every manifest in the folder, each parsing as Kubernetes objects', () => {
    const files = readdirSync(BASE).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    for (const manifest of manifests) {
      expect(manifest).toMatchObject({
        apiVersion: expect.any(String),
        kind: expect.any(String),
        metadata: { name: expect.any(String) },
      });
    }
    expect(manifests.map((m) => m.kind).sort()).toEqual(
      [
        'Deployment',
        'Deployment',
        'HorizontalPodAutoscaler',
        'NetworkPolicy',
        'PodDisruptionBudget',
        'Service',
        'Service',
      ].sort(),
    );
  });

  it('runs 2+ replicas, non-root, read-only, no capabilities, with requests and limits', () => {
    expect(gateway.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(selects(gateway.spec.selector.matchLabels, gateway.spec.template.metadata.labels)).toBe(true);
    for (const deployment of manifests.filter((m) => m.kind === 'Deployment')) {
      const { spec } = deployment.spec.template;
      expect(spec.securityContext.runAsNonRoot).toBe(true);
      for (const c of spec.containers) {
        expect(c.securityContext).toMatchObject({
          runAsNonRoot: true,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        for (const kind of ['requests', 'limits']) {
          expect(c.resources[kind]).toEqual({ cpu: expect.anything(), memory: expect.anything() });
        }
      }
    }
  });

  it('sets only variables the gateway reads, and those parse into the intended config', () => {
    for (const entry of container.env as EnvEntry[]) {
      expect([entry.name, isReadByTheGateway(entry.name)]).toEqual([entry.name, true]);
      expect(typeof entry.value).toBe('string'); // literal values: the key comes from a file, never an env value
    }
    expect(env).not.toHaveProperty('CARTESIA_API_KEY');
    const config = configFrom(env);
    expect(config).toMatchObject({
      nodeEnv: 'production',
      http: { port: portNamed('http'), metricsPort: portNamed('metrics') },
    });
    expect(config.redis.url).toBeDefined();
  });

  it('keys clients behind its one ingress by the address the ingress appends (TRUST_PROXY=1)', () => {
    expect(configFrom(env).http.trustProxy).toBe(1);
  });

  it('mounts the API key from a Secret exactly where CARTESIA_API_KEY_FILE points', () => {
    const keyFile = env.CARTESIA_API_KEY_FILE!;
    const mount = container.volumeMounts.find((m: { mountPath: string }) => keyFile.startsWith(`${m.mountPath}/`));
    expect(mount).toMatchObject({ readOnly: true });
    const volume = pod.volumes.find((v: { name: string }) => v.name === mount.name);
    const fileInVolume = keyFile.slice(mount.mountPath.length + 1);
    expect(volume.secret.items).toContainEqual({ key: expect.any(String), path: fileInVolume });
    // Readable by the non-root user through its group: 0440 with fsGroup.
    expect(volume.secret.defaultMode).toBe(0o440);
    expect(pod.securityContext.fsGroup).toBe(pod.securityContext.runAsGroup);
  });

  it('probes and scrapes paths the gateway really serves, on the right ports', async () => {
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      expect(container[probe].httpGet.port).toBe('http');
    }
    const annotations = gateway.spec.template.metadata.annotations;
    expect(Number(annotations['prometheus.io/port'])).toBe(portNamed('metrics'));
    expect(annotations['prometheus.io/path']).toBe(METRICS_PATH);

    // The manifest's own environment, on loopback ephemeral ports, without Redis.
    const { CARTESIA_API_KEY_FILE: _file, REDIS_URL: _redis, ...runnable } = env;
    const stack = await startTestStack({
      env: { ...runnable, HOST: '127.0.0.1', PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'silent' },
    });
    try {
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        const response = await fetch(`${stack.url}${container[probe].httpGet.path}`);
        expect([probe, response.status]).toEqual([probe, 200]);
      }
      const metricsOrigin = new URL(stack.gateway.metricsUrl!).origin;
      expect((await fetch(`${metricsOrigin}${annotations['prometheus.io/path']}`)).status).toBe(200);
    } finally {
      await stack.close();
    }
  });

  it('exposes the API (not the metrics) through the Service, selecting the gateway pods', () => {
    const service = find('Service', 'phone-numbers-gateway');
    expect(selects(service.spec.selector, gateway.spec.template.metadata.labels)).toBe(true);
    expect(service.spec.ports.map((p: { targetPort: string }) => p.targetPort)).toEqual(['http']);
  });

  it('points REDIS_URL at the Redis Service, which selects the Redis pods on their port', () => {
    const url = new URL(env.REDIS_URL!);
    const service = find('Service', url.hostname);
    const servicePort = service.spec.ports.find((p: { port: number }) => p.port === Number(url.port || 6379));
    expect(servicePort).toBeDefined();
    const redis = manifests.find(
      (m) => m.kind === 'Deployment' && selects(service.spec.selector, m.spec.template.metadata.labels),
    )!;
    expect(redis.spec.template.spec.containers[0].ports).toContainEqual({
      name: servicePort.targetPort,
      containerPort: 6379,
    });
    // Only the gateway's pods may reach it.
    const policy = find('NetworkPolicy', url.hostname);
    expect(selects(policy.spec.podSelector.matchLabels, redis.spec.template.metadata.labels)).toBe(true);
    expect(selects(policy.spec.ingress[0].from[0].podSelector.matchLabels, gateway.spec.template.metadata.labels)).toBe(
      true,
    );
  });

  it('scales the gateway with an HPA from 2 replicas, and keeps one up through disruptions', () => {
    const hpa = find('HorizontalPodAutoscaler', 'phone-numbers-gateway');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: gateway.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    const pdb = find('PodDisruptionBudget', 'phone-numbers-gateway');
    expect(selects(pdb.spec.selector.matchLabels, gateway.spec.template.metadata.labels)).toBe(true);
    expect(pdb.spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, any>;
    secrets: Record<string, { file: string }>;
  };
  const gateways = Object.entries(compose.services).filter(([, service]) => service.build === '.');

  it('runs two gateway replicas and a Redis they both point at', () => {
    expect(gateways).toHaveLength(2);
    for (const [, service] of gateways) {
      expect(compose.services[new URL(service.environment.REDIS_URL).hostname]).toBeDefined();
      expect(service).toMatchObject({ read_only: true, cap_drop: ['ALL'] });
    }
  });

  it('sets only variables the gateway reads; ports and the secret file match what it reads', () => {
    const published = new Set<string>();
    for (const [name, service] of gateways) {
      const environment = service.environment as Record<string, string>;
      for (const variable of Object.keys(environment))
        expect([name, variable, isReadByTheGateway(variable)]).toEqual([name, variable, true]);
      const config = configFrom(environment);
      const containerPorts = (service.ports as string[]).map((mapping) => {
        published.add(mapping.split(':').slice(0, 2).join(':'));
        return Number(mapping.split(':').at(-1));
      });
      // Only metrics are published: the API is reached through the proxy alone.
      expect(containerPorts).toEqual([config.http.metricsPort]);
      expect(config.http.trustProxy).toBe(1);
      // Compose mounts each secret at /run/secrets/<name>.
      const secret = path.posix.relative('/run/secrets', environment.CARTESIA_API_KEY_FILE!);
      expect(service.secrets).toContain(secret);
      expect(compose.secrets[secret]!.file).toMatch(/^\.\/secrets\//); // git-ignored
    }
    expect(published.size).toBe(2); // no two replicas on one host port
  });

  it('puts one proxy in front that load-balances both replicas and appends the client to X-Forwarded-For', () => {
    const proxy = compose.services.proxy;
    const mount = (proxy.volumes as string[]).find((volume) => volume.endsWith(':/etc/nginx/nginx.conf:ro'))!;
    const nginx = readFileSync(path.join(ROOT, mount.split(':')[0]!), 'utf8');
    expect(nginx).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    for (const [name, service] of gateways) {
      expect(nginx).toContain(`server ${name}:${configFrom(service.environment).http.port};`);
    }
    const [, , containerPort] = (proxy.ports as string[])[0]!.split(':');
    expect(nginx).toContain(`listen ${containerPort};`);
  });
});
