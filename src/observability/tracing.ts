import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

// Spans go through @opentelemetry/api only. Without a registered SDK the API
// is a no-op, and the SDK is loaded (lazily, below) only when the OTEL_*
// variables configure an exporter, so tracing costs nothing when off. W3C
// propagation works either way: with tracing off, a caller's traceparent
// passes through to Cartesia unchanged, so their trace stays connected.

const TRACER_NAME = 'phone-numbers-gateway';
const w3c = new W3CTraceContextPropagator();

/** Where spans go: `otlp-proto` is OTLP over HTTP with protobuf (the OTel default), `otlp-json` the same with JSON. */
export type TracesExporter = 'otlp-proto' | 'otlp-json' | 'console' | 'none';

/** A running tracing SDK; shutdown() flushes what is buffered. */
export interface Tracing {
  shutdown(): Promise<void>;
}

type HeaderValues = Record<string, string | string[] | undefined>;

function tracer() {
  return trace.getTracer(TRACER_NAME);
}

/** The caller's trace context from `traceparent`/`tracestate`, or the root context when absent or malformed. */
export function extractTraceContext(headers: HeaderValues): Context {
  return w3c.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}

/** `traceparent` (and `tracestate`) naming the span in `context` as the parent; empty when there is none. */
export function traceHeaders(context: Context): Record<string, string> {
  const headers: Record<string, string> = {};
  w3c.inject(context, headers, defaultTextMapSetter);
  return headers;
}

/** Starts a span under `parent` and returns it with the context that has it as the active span. */
export function startSpan(
  name: string,
  options: { kind: SpanKind; attributes?: Attributes },
  parent: Context,
): { span: Span; context: Context } {
  const span = tracer().startSpan(name, options, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Ends a span as failed, naming the kind of failure (never the message: it may quote input). */
export function endWithError(span: Span, errorType: string): void {
  span.setAttribute('error.type', errorType);
  span.setStatus({ code: SpanStatusCode.ERROR, message: errorType });
  span.end();
}

/** Registers the tracing SDK globally with `exporter`; `batch: false` exports each span as it ends (tests). */
export async function registerTracing(exporter: SpanExporter, options: { batch: boolean }): Promise<Tracing> {
  const [{ NodeTracerProvider }, { BatchSpanProcessor, SimpleSpanProcessor }, resources] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/resources'),
  ]);
  // OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES win over our default name.
  const resource = resources
    .defaultResource()
    .merge(resources.resourceFromAttributes({ 'service.name': TRACER_NAME }))
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const processor = options.batch ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter);
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  return {
    async shutdown() {
      await provider.shutdown();
      // register() set all three globals; clear them so tracing can start afresh.
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

async function exporterFor(kind: Exclude<TracesExporter, 'none'>): Promise<SpanExporter> {
  // Each exporter reads its own OTEL_EXPORTER_OTLP_* variables (endpoint, headers, timeout).
  if (kind === 'otlp-proto') return new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  if (kind === 'otlp-json') return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
  return new (await import('@opentelemetry/sdk-trace-base')).ConsoleSpanExporter();
}

/** Starts tracing when the config names an exporter; undefined (and no SDK loaded) when it is `none`. */
export async function startTracing(exporter: TracesExporter): Promise<Tracing | undefined> {
  if (exporter === 'none') return undefined;
  return registerTracing(await exporterFor(exporter), { batch: true });
}
