// Reads Prometheus text exposition the way a scraper would: over HTTP, by
// metric name and labels.

export interface Scrape {
  /** The raw exposition text. */
  text: string;
  /** Sum of the samples named `name` whose labels include `labels`; undefined when there is none. */
  value(name: string, labels?: Record<string, string>): number | undefined;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseExposition(text: string): Scrape {
  const samples = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = SAMPLE.exec(line);
      if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
  return {
    text,
    value(name, labels = {}) {
      const matching = samples.filter(
        (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
      );
      return matching.length ? matching.reduce((sum, s) => sum + s.value, 0) : undefined;
    },
  };
}

/** GETs a /metrics URL; fails the test unless it answers 200 in Prometheus text format. */
export async function scrape(metricsUrl: string): Promise<Scrape> {
  const response = await fetch(metricsUrl);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${metricsUrl} answered ${response.status}: ${text}`);
  if (!response.headers.get('content-type')?.startsWith('text/plain')) {
    throw new Error(`unexpected content type ${response.headers.get('content-type')}`);
  }
  return parseExposition(text);
}
