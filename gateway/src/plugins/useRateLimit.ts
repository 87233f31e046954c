import { ErrorCode } from '@lgsp/schema';
import type { GatewayPlugin } from '../gatewayContext.js';
import { quotaHeaders, quotaStateOf, type Quota, type StoreGuard } from '../limits/quotas.js';
import { refusalResponse } from '../limits/refusals.js';
import { identityOf } from '../limits/requestIdentity.js';

export interface RateLimitOptions {
  /** The limit store behind its fail-open/closed guard. */
  guard: StoreGuard;
  /** Whether the store's outage refuses requests (503 LIMITS_UNAVAILABLE) or lets them through. */
  onUnavailable: 'open' | 'closed';
  /** The effective quota of a client (config over registry over defaults). */
  quotaOf: (clientId: string) => Quota;
}

/**
 * A token bucket per client: `burst` requests at once, refilled at `requestsPerMinute`. It runs when the request is
 * parsed (after authentication decided who calls, before the body is read), so a client over its rate costs one
 * store call and nothing else: 429 `RATE_LIMITED` with `Retry-After`. Every response to a known caller carries its
 * `RateLimit-*` headers, cost headers included when the cost plugin ran.
 */
export function useRateLimit(options: RateLimitOptions): GatewayPlugin {
  return {
    async onRequestParse({ request, endResponse }) {
      const identity = identityOf(request);
      if (identity.kind === 'unauthenticated') return;
      const quota = options.quotaOf(identity.clientId);
      const state = quotaStateOf(request);
      state.quota = quota;
      const result = await options.guard((store) =>
        store.take({
          key: identity.clientId,
          capacity: quota.burst,
          refillPerMs: quota.requestsPerMinute / 60_000,
        }),
      );
      if (result === 'unavailable') {
        if (options.onUnavailable === 'closed') {
          const message = 'Rate limits cannot be checked right now; retry shortly';
          endResponse(refusalResponse(ErrorCode.LIMITS_UNAVAILABLE, message, {}, { 'retry-after': '1' }));
        }
        return;
      }
      state.rate = { remaining: result.remaining, resetMs: result.resetMs };
      if (result.allowed) return;
      const retryAfter = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      const message = `Request rate over ${quota.requestsPerMinute} per minute for client ${identity.clientId}`;
      endResponse(
        refusalResponse(
          ErrorCode.RATE_LIMITED,
          message,
          { reason: 'REQUEST_RATE', retryAfterSeconds: retryAfter },
          { 'retry-after': String(retryAfter) },
        ),
      );
    },
    onResponse({ request, response }) {
      for (const [name, value] of Object.entries(quotaHeaders(quotaStateOf(request))))
        response.headers.set(name, value);
    },
  };
}
