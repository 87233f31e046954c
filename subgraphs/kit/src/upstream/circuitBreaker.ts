/**
 * The breaker's state. `closed`: calls go through, consecutive failed calls are counted (those of one origin once).
 * `open`: calls fail fast until `retryAtMs`. `halfOpen`: one probe is in flight; its outcome closes or reopens it.
 */
export type BreakerState =
  | { kind: 'closed'; consecutiveFailures: number }
  | { kind: 'open'; retryAtMs: number }
  | { kind: 'halfOpen' };

export interface CircuitBreakerOptions {
  /**
   * Consecutive failed calls, of as many distinct origins, that open the circuit. Default 5
   * (`upstreamDefaults.breakerFailureThreshold`).
   */
  failureThreshold?: number;
  /** Time the circuit stays open before a probe, in ms. Default 10 000 (`upstreamDefaults.breakerOpenMs`). */
  openMs?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
  /** Called on every state change, e.g. to log it. */
  onStateChange?: (state: BreakerState) => void;
}

export interface CircuitBreaker {
  /** Whether a call may go out now. In `open` past `retryAtMs` it admits exactly one probe (→ `halfOpen`). */
  tryAcquire(): boolean;
  onSuccess(): void;
  /**
   * A call failed (after its retries), or the half-open probe did. `origin` names what the call was made for (the
   * served request's id): while closed, failures of one origin count once, because the parallel calls of one query
   * fail together and are one piece of evidence, not several. Without an origin every failure counts.
   */
  onFailure(origin?: string): void;
  /** The admitted call ended with no verdict (the caller gave up): a waiting probe may go at once. */
  onAbandon(): void;
  state(): BreakerState;
}

function assertNever(value: never): never {
  throw new Error(`unexpected breaker state ${JSON.stringify(value)}`);
}

export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const failureThreshold = options.failureThreshold ?? 5;
  const openMs = options.openMs ?? 10_000;
  const now = options.now ?? Date.now;
  let state: BreakerState = { kind: 'closed', consecutiveFailures: 0 };
  // The origins counted in the current run of failures; never more than `failureThreshold`, emptied on any change.
  const failedOrigins = new Set<string>();
  const transition = (next: BreakerState): void => {
    const changed = next.kind !== state.kind;
    if (next.kind !== 'closed' || next.consecutiveFailures === 0) failedOrigins.clear();
    state = next;
    if (changed) options.onStateChange?.(next);
  };

  return {
    state: () => state,
    tryAcquire() {
      switch (state.kind) {
        case 'closed':
          return true;
        case 'open':
          if (now() < state.retryAtMs) return false;
          transition({ kind: 'halfOpen' });
          return true;
        case 'halfOpen':
          // The probe is still in flight: everyone else keeps failing fast.
          return false;
        default:
          return assertNever(state);
      }
    },
    onSuccess() {
      transition({ kind: 'closed', consecutiveFailures: 0 });
    },
    onAbandon() {
      if (state.kind === 'halfOpen') transition({ kind: 'open', retryAtMs: now() });
    },
    onFailure(origin) {
      switch (state.kind) {
        case 'closed': {
          if (origin !== undefined) {
            if (failedOrigins.has(origin)) return;
            failedOrigins.add(origin);
          }
          const consecutiveFailures = state.consecutiveFailures + 1;
          transition(
            consecutiveFailures >= failureThreshold
              ? { kind: 'open', retryAtMs: now() + openMs }
              : { kind: 'closed', consecutiveFailures },
          );
          return;
        }
        case 'halfOpen':
        case 'open':
          transition({ kind: 'open', retryAtMs: now() + openMs });
          return;
        default:
          assertNever(state);
      }
    },
  };
}
