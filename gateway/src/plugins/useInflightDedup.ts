import type { ExecutionArgs, ExecutionResult } from 'graphql';
import type { ExecutableSupergraph } from '../execution/buildExecutableSupergraph.js';
import type { GatewayPlugin } from '../gatewayContext.js';
import type { OperationAnalysis } from '../limits/analyzeOperation.js';
import { isShareable, shareableAnswer } from '../limits/cacheEligibility.js';

export interface InflightDedupOptions {
  live: () => ExecutableSupergraph;
  analysisOf: (args: ExecutionArgs) => OperationAnalysis;
  personalData: boolean;
  /** Longest a follower waits for the first execution before running its own. Default 10000 ms. */
  maxWaitMs?: number;
}

/**
 * Identical queries in flight at the same time from callers of the same partition (same contract, masking state
 * and purpose) run once: the first executes, the others wait for its answer and get a copy. Only an answer with
 * data and no errors is shared; otherwise each follower executes on its own (so one caller's refusal or quota
 * error never reaches another). Followers spend no cost quota: they cost the systems nothing.
 */
export function useInflightDedup(options: InflightDedupOptions): GatewayPlugin {
  const inflight = new Map<string, Promise<ExecutionResult | undefined>>();
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const shared = shareableAnswer(args, options);
      if (shared === undefined) return;
      const leader = inflight.get(shared.key);
      if (leader !== undefined) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), maxWaitMs);
        });
        const result = await Promise.race([leader, timeout]);
        clearTimeout(timer);
        if (result !== undefined) setResultAndStopExecution(structuredClone(result));
        return;
      }
      let settle!: (result: ExecutionResult | undefined) => void;
      const answer = new Promise<ExecutionResult | undefined>((resolve) => (settle = resolve));
      inflight.set(shared.key, answer);
      // If execution throws, onExecuteDone never runs: the entry is dropped after the wait anyway.
      const expiry = setTimeout(() => {
        if (inflight.get(shared.key) === answer) inflight.delete(shared.key);
        settle(undefined);
      }, maxWaitMs);
      expiry.unref();
      return {
        onExecuteDone({ result }) {
          clearTimeout(expiry);
          if (inflight.get(shared.key) === answer) inflight.delete(shared.key);
          settle(isShareable(result) ? { data: structuredClone(result.data) } : undefined);
        },
      };
    },
  };
}
