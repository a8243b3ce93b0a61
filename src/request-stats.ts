/** What the request log line says about one request; filled in by the HTTP edge, GraphQL and the upstream client. */
export interface RequestStats {
  operationName?: string;
  /** HTTP exchanges with Cartesia, retries included. */
  upstreamCalls: number;
  /** extensions.code of every error sent. */
  errorCodes: string[];
  /**
   * ok: data, no errors; partial: data and errors; error: no data;
   * rejected: refused at the HTTP edge; aborted: the client went away first.
   */
  outcome?: 'ok' | 'partial' | 'error' | 'rejected' | 'aborted';

  /** Who asked (token digest prefix, JWT subject); set by authentication. */
  client?: string;
}

/** Fresh stats for a request that has just arrived. */
export function newRequestStats(): RequestStats {
  return { upstreamCalls: 0, errorCodes: [] };
}
