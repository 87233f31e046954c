/**
 * Every default of the upstream client, in one place, with units. A subgraph's config may override any of them;
 * tests override the timeouts to stay fast.
 */
export const upstreamDefaults = {
  /** TCP connect must complete within this. */
  connectTimeoutMs: 2_000,
  /** A whole attempt (headers and body) must complete within this. */
  requestTimeoutMs: 5_000,
  /** Keep-alive connections held per upstream. */
  connections: 16,
  /** An idle keep-alive socket is closed after this. */
  keepAliveTimeoutMs: 10_000,
  /** Extra attempts after the first one, for idempotent requests only. */
  retries: 2,
  /** Backoff before retry n is random in [0, min(backoffMaxMs, backoffBaseMs · 2^n)] ("full jitter"). */
  backoffBaseMs: 100,
  backoffMaxMs: 2_000,
  /**
   * Consecutive failed calls that open the circuit. A call fails once, after its retries, and the calls made for one
   * served request count once: the parallel batch of one query (police: 3 SOAP operations × 3 attempts) is one
   * piece of evidence, so 5 means five requests in a row found the upstream down.
   */
  breakerFailureThreshold: 5,
  /** How long the circuit stays open before one probe may try again. */
  breakerOpenMs: 10_000,
  /** Response bodies larger than this are refused as malformed. */
  maxResponseBytes: 20 * 1024 * 1024,
} as const;
