import type { Logger } from 'pino';
import type { LimitsConfig, QuotaConfig } from './limitsConfig.js';
import type { LimitStore, WindowResult } from './limitStore.js';

/** A client's effective quota: config per client, over the registry's, over the defaults. */
export interface Quota {
  requestsPerMinute: number;
  burst: number;
  costPerMinute: number;
  costPerDay: number;
}

export function resolveQuota(
  config: Pick<LimitsConfig, 'defaults' | 'clients'>,
  clientId: string,
  fromRegistry: QuotaConfig | undefined,
): Quota {
  const own = Object.hasOwn(config.clients, clientId) ? config.clients[clientId] : undefined;
  const merged = { ...fromRegistry, ...own };
  const requestsPerMinute = merged.requestsPerMinute ?? config.defaults.requestsPerMinute;
  return {
    requestsPerMinute,
    // A client given a rate but no burst gets one minute's worth, not the default's.
    burst:
      merged.burst ?? (merged.requestsPerMinute === undefined ? config.defaults.burst : requestsPerMinute),
    costPerMinute: merged.costPerMinute ?? config.defaults.costPerMinute,
    costPerDay: merged.costPerDay ?? config.defaults.costPerDay,
  };
}

/** What a request learned about its quotas; written as headers on its response. */
export interface RequestQuotaState {
  quota?: Quota;
  rate?: { remaining: number; resetMs: number };
  cost?: { estimate: number; minute?: WindowResult; day?: WindowResult };
}

const states = new WeakMap<Request, RequestQuotaState>();

export function quotaStateOf(request: Request): RequestQuotaState {
  let state = states.get(request);
  if (state === undefined) states.set(request, (state = {}));
  return state;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * The headers partners pace themselves by (draft-ietf-httpapi-ratelimit-headers, the widely deployed field names):
 * `RateLimit-Limit`/`-Remaining`/`-Reset` for the request rate, `RateLimit-Policy` naming every budget, and the cost
 * budgets as `X-Cost-*`.
 */
export function quotaHeaders(state: RequestQuotaState): Record<string, string> {
  const headers: Record<string, string> = {};
  const { quota, rate, cost } = state;
  if (quota === undefined) return headers;
  headers['ratelimit-policy'] =
    `${quota.burst};w=${seconds((quota.burst / quota.requestsPerMinute) * 60_000)};name="requests", ` +
    `${quota.costPerMinute};w=60;name="cost-minute", ${quota.costPerDay};w=86400;name="cost-day"`;
  if (rate) {
    headers['ratelimit-limit'] = String(quota.burst);
    headers['ratelimit-remaining'] = String(Math.max(0, rate.remaining));
    headers['ratelimit-reset'] = String(seconds(rate.resetMs));
  }
  if (cost) {
    headers['x-cost-estimate'] = String(cost.estimate);
    if (cost.minute)
      headers['x-cost-remaining-minute'] = String(Math.max(0, cost.minute.limit - cost.minute.used));
    if (cost.day) headers['x-cost-remaining-day'] = String(Math.max(0, cost.day.limit - cost.day.used));
  }
  return headers;
}

export interface GuardedStoreOptions {
  store: LimitStore;
  onUnavailable: 'open' | 'closed';
  log: Logger;
}

/**
 * Runs a store call; when the store fails, answers `undefined` (fail open: no limit this time) or `'closed'`
 * (refuse), logging at most one warning per 10 s so an outage does not flood the log.
 */
export function createStoreGuard(options: GuardedStoreOptions) {
  let lastWarning = 0;
  return async function guarded<T>(call: (store: LimitStore) => Promise<T>): Promise<T | 'unavailable'> {
    try {
      return await call(options.store);
    } catch (error) {
      const now = Date.now();
      if (now - lastWarning > 10_000) {
        lastWarning = now;
        options.log.warn(
          { err: (error as Error).message, failMode: options.onUnavailable },
          options.onUnavailable === 'open'
            ? 'limit store unavailable: failing open'
            : 'limit store unavailable: refusing requests',
        );
      }
      return 'unavailable';
    }
  };
}

export type StoreGuard = ReturnType<typeof createStoreGuard>;
