import { createGraphQLError, type ExecutionRequest, type Executor } from '@graphql-tools/utils';
import { ErrorCode } from '@lgsp/schema';
import type { ExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import { upstreamFailureError, type UpstreamFailure } from '../upstream/upstreamErrors.js';
import type { LimitsConfig } from './limitsConfig.js';

interface Gate {
  active: number;
  waiting: (() => void)[];
}

function failure(subgraph: string, code: UpstreamFailure): ExecutionResult {
  const formatted = upstreamFailureError(subgraph, code);
  return {
    data: null,
    errors: [createGraphQLError(formatted.message, { extensions: formatted.extensions })],
  };
}

export interface SubgraphGuard {
  /** Wraps one subgraph's executor with its concurrency cap and per-request time budget. */
  wrap(subgraph: string, executor: Executor): Executor;
  /** Calls running and waiting now, per subgraph (metrics, tests). */
  load(): Record<string, { active: number; waiting: number }>;
}

/**
 * Upstream protection at the gateway: at most `maxConcurrent` calls to one subgraph at a time across all requests
 * (a slow system holds its own slots, never another's), `maxQueued` waiting (more fail at once with
 * UPSTREAM_UNAVAILABLE), and `budgetMs` per request per subgraph for waiting and calling together (then
 * UPSTREAM_TIMEOUT). Failures are results, not throws, so the other subgraphs' fields still arrive.
 */
export function createSubgraphGuard(config: LimitsConfig['subgraphs'], log?: Logger): SubgraphGuard {
  const gates = new Map<string, Gate>();
  const budgets = new WeakMap<object, Map<string, number>>();
  const settingsOf = (subgraph: string) => ({
    maxConcurrent: config.overrides[subgraph]?.maxConcurrent ?? config.maxConcurrent,
    maxQueued: config.overrides[subgraph]?.maxQueued ?? config.maxQueued,
    budgetMs: config.overrides[subgraph]?.budgetMs ?? config.budgetMs,
  });

  /** The time this request may still spend on this subgraph; its first call starts the clock. */
  const remainingMs = (subgraph: string, context: unknown, budgetMs: number): number => {
    if (typeof context !== 'object' || context === null) return budgetMs;
    let started = budgets.get(context);
    if (started === undefined) budgets.set(context, (started = new Map()));
    const first = started.get(subgraph) ?? Date.now();
    started.set(subgraph, first);
    return first + budgetMs - Date.now();
  };

  const acquire = (gate: Gate, max: number, waitMs: number): Promise<boolean> => {
    if (gate.active < max) {
      gate.active += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const grant = () => {
        clearTimeout(timer);
        gate.active += 1;
        resolve(true);
      };
      const timer = setTimeout(() => {
        gate.waiting.splice(gate.waiting.indexOf(grant), 1);
        resolve(false);
      }, waitMs);
      gate.waiting.push(grant);
    });
  };
  const release = (gate: Gate) => {
    gate.active -= 1;
    gate.waiting.shift()?.();
  };

  return {
    wrap(subgraph, executor) {
      const gate: Gate = gates.get(subgraph) ?? { active: 0, waiting: [] };
      gates.set(subgraph, gate);
      return (async (request: ExecutionRequest) => {
        const settings = settingsOf(subgraph);
        const remaining = remainingMs(subgraph, request.context, settings.budgetMs);
        if (remaining <= 0) return failure(subgraph, ErrorCode.UPSTREAM_TIMEOUT);
        if (gate.active >= settings.maxConcurrent && gate.waiting.length >= settings.maxQueued) {
          log?.warn({ subgraph, active: gate.active, waiting: gate.waiting.length }, 'subgraph queue full');
          return failure(subgraph, ErrorCode.UPSTREAM_UNAVAILABLE);
        }
        const started = Date.now();
        if (!(await acquire(gate, settings.maxConcurrent, remaining)))
          return failure(subgraph, ErrorCode.UPSTREAM_TIMEOUT);
        const call = Promise.resolve(executor(request) as Promise<ExecutionResult>).finally(() =>
          release(gate),
        );
        let timer: ReturnType<typeof setTimeout> | undefined;
        const deadline = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(
            () => resolve(failure(subgraph, ErrorCode.UPSTREAM_TIMEOUT)),
            remaining - (Date.now() - started),
          );
        });
        try {
          return await Promise.race([call, deadline]);
        } finally {
          clearTimeout(timer);
        }
      }) as Executor;
    },
    load() {
      return Object.fromEntries(
        [...gates].map(([name, gate]) => [name, { active: gate.active, waiting: gate.waiting.length }]),
      );
    },
  };
}
