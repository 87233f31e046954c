import { ErrorCode } from '@lgsp/schema';
import type { GatewayPlugin } from '../gatewayContext.js';
import type { OperationAnalyzer } from '../limits/operationAnalysis.js';
import { quotaStateOf, type Quota, type StoreGuard } from '../limits/quotas.js';
import { refusalError } from '../limits/refusals.js';
import { identityOf } from '../limits/requestIdentity.js';

export interface CostLimitOptions {
  guard: StoreGuard;
  onUnavailable: 'open' | 'closed';
  quotaOf: (clientId: string) => Quota;
  analysisOf: OperationAnalyzer;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Spends an operation's estimated cost from its client's budgets per minute and per UTC day, all or nothing,
 * before any subgraph is called. Over budget: 429 `RATE_LIMITED` (`reason` `COST_QUOTA_MINUTE` or
 * `COST_QUOTA_DAY`) with `Retry-After` until that window ends. Runs after the response cache, so answers served
 * from the cache or shared with an identical in-flight query spend nothing (they cost the systems nothing).
 */
export function useCostLimit(options: CostLimitOptions): GatewayPlugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request: Request }).request;
      const identity = identityOf(request);
      if (identity.kind === 'unauthenticated') return;
      const { cost } = options.analysisOf(args);
      const quota = options.quotaOf(identity.clientId);
      const state = quotaStateOf(request);
      state.quota = quota;
      const windows = [
        { key: `${identity.clientId}:minute`, limit: quota.costPerMinute, windowMs: MINUTE_MS },
        { key: `${identity.clientId}:day`, limit: quota.costPerDay, windowMs: DAY_MS },
      ];
      const spent = await options.guard((store) => store.spend(windows, cost));
      if (spent === 'unavailable') {
        if (options.onUnavailable === 'open') return;
        const message = 'Cost quotas cannot be checked right now; retry shortly';
        setResultAndStopExecution({
          errors: [refusalError(ErrorCode.LIMITS_UNAVAILABLE, message, {}, { 'retry-after': '1' })],
        });
        return;
      }
      const [minute, day] = spent.windows;
      state.cost = { estimate: cost, ...(minute ? { minute } : {}), ...(day ? { day } : {}) };
      if (spent.allowed) return;
      const overDay = day !== undefined && day.used + cost > day.limit;
      const window = overDay ? day : minute!;
      const retryAfter = Math.max(1, Math.ceil(window.resetMs / 1000));
      const message = `Operation cost ${cost} is over the remaining ${overDay ? 'daily' : 'per-minute'} budget of ${Math.max(0, window.limit - window.used)}`;
      const extensions = {
        reason: overDay ? 'COST_QUOTA_DAY' : 'COST_QUOTA_MINUTE',
        cost,
        retryAfterSeconds: retryAfter,
      };
      setResultAndStopExecution({
        errors: [
          refusalError(ErrorCode.RATE_LIMITED, message, extensions, { 'retry-after': String(retryAfter) }),
        ],
      });
    },
  };
}
