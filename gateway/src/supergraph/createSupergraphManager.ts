import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Executor } from '@graphql-tools/utils';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config.js';
import {
  buildExecutableSupergraph,
  type ExecutableSupergraph,
} from '../execution/buildExecutableSupergraph.js';
import { createSubgraphExecutor, type SubgraphCallReport } from '../upstream/createSubgraphExecutor.js';
import { createSubgraphPools, type SubgraphPools } from '../upstream/createSubgraphPools.js';
import { probeSubgraphs, type SubgraphProbe } from './probeSubgraphs.js';
import { watchSupergraphFile } from './watchSupergraphFile.js';

/**
 * Owns the live supergraph: loads it, swaps it atomically on file change (a request reads `current()` once, so
 * in-flight requests finish on the schema they started with), keeps the previous one when a new file is broken,
 * and owns the subgraph connection pools.
 */
export interface SupergraphManager {
  current(): ExecutableSupergraph;
  /** Re-reads the file; resolves true when a new schema now serves, false when unchanged or rejected. */
  reload(): Promise<boolean>;
  /** Reachability of every subgraph of the current schema (readiness). */
  probe(): Promise<SubgraphProbe[]>;
  /** Stops watching and closes the pools. */
  close(): Promise<void>;
  /** SHA-256 (hex) of the supergraph SDL serving now. */
  hash(): string;
  /** Adds an observer of subgraph calls and reloads (metrics); returns the function that removes it. */
  observe(observer: SupergraphObserver): () => void;
}

export interface SupergraphObserver {
  /** After every subgraph HTTP call, from every executor of every schema version. */
  onSubgraphCall?(report: SubgraphCallReport): void;
  /** After each reload of a changed file: `ok` with the new hash, or rejected (the previous schema keeps serving). */
  onReload?(event: { ok: boolean; hash: string }): void;
}

type ManagerConfig = Pick<GatewayConfig, 'supergraph' | 'subgraphs' | 'requestIdHeader'> &
  Partial<Pick<GatewayConfig, 'execution'>>;

export interface SupergraphManagerOptions {
  /**
   * Wraps each subgraph's executor where it is created, for every schema version (the limits' subgraph guard:
   * concurrency cap and time budget per subgraph). Default: executors used as they are.
   */
  wrapExecutor?: (subgraph: string, executor: Executor) => Executor;
}

const hashOf = (sdl: string) => createHash('sha256').update(sdl).digest('hex');

function createBuilder(
  config: ManagerConfig,
  pools: SubgraphPools,
  onCall: (report: SubgraphCallReport) => void,
  wrapExecutor: NonNullable<SupergraphManagerOptions['wrapExecutor']> = (_name, executor) => executor,
) {
  const { overrides } = config.subgraphs;
  return (sdl: string) =>
    buildExecutableSupergraph(sdl, {
      planner: config.execution?.planner ?? false,
      resolveUrl: (name, url) => overrides[name]?.url ?? url,
      createExecutor: (subgraph) =>
        wrapExecutor(
          subgraph.name,
          createSubgraphExecutor({
            ...subgraph,
            pool: pools.forUrl(subgraph.url),
            timeoutMs: overrides[subgraph.name]?.timeoutMs ?? config.subgraphs.timeoutMs,
            forwardHeaders: config.subgraphs.forwardHeaders,
            requestIdHeader: config.requestIdHeader,
            maxResponseBytes: config.subgraphs.maxResponseBytes,
            onCall,
          }),
        ),
    });
}

/** Reads and builds the supergraph; throws (after closing the pools) when it cannot serve. */
async function loadInitial(path: string, build: (sdl: string) => ExecutableSupergraph, pools: SubgraphPools) {
  try {
    const sdl = await readFile(path, 'utf8');
    return { live: build(sdl), hash: hashOf(sdl) };
  } catch (error) {
    await pools.close();
    throw new Error(`cannot load supergraph ${path}: ${(error as Error).message}`, { cause: error });
  }
}

export async function createSupergraphManager(
  config: ManagerConfig,
  log: Logger,
  options: SupergraphManagerOptions = {},
): Promise<SupergraphManager> {
  const path = resolve(config.supergraph.path);
  const pools = createSubgraphPools(config.subgraphs);
  // One dispatcher for all executors: observers come and go without rebuilding the schema.
  let observers: SupergraphObserver[] = [];
  const onCall = (report: SubgraphCallReport) => {
    for (const observer of observers) observer.onSubgraphCall?.(report);
  };
  const reloaded = (ok: boolean) => {
    for (const observer of observers) observer.onReload?.({ ok, hash });
  };
  const build = createBuilder(config, pools, onCall, options.wrapExecutor);
  let { live, hash } = await loadInitial(path, build, pools);
  log.info({ supergraph: path, subgraphs: live.subgraphs.map((s) => s.name) }, 'supergraph loaded');

  async function reloadOnce(): Promise<boolean> {
    let next: string;
    try {
      next = await readFile(path, 'utf8');
    } catch (error) {
      log.error(
        { supergraph: path, err: (error as Error).message },
        'supergraph reload rejected: unreadable',
      );
      reloaded(false);
      return false;
    }
    const nextHash = hashOf(next);
    if (nextHash === hash) return false;
    try {
      // Built and validated completely before the one assignment that swaps it in.
      live = build(next);
      hash = nextHash;
    } catch (error) {
      log.error(
        { supergraph: path, err: (error as Error).message },
        'supergraph reload rejected; keeping previous',
      );
      reloaded(false);
      return false;
    }
    log.info({ supergraph: path, subgraphs: live.subgraphs.map((s) => s.name) }, 'supergraph reloaded');
    reloaded(true);
    return true;
  }

  // Reloads never overlap; a change that lands during one reload is picked up by one follow-up read.
  let reloading: Promise<boolean> | undefined;
  let again = false;
  const reload = (): Promise<boolean> => {
    if (reloading) {
      again = true;
      return reloading;
    }
    reloading = reloadOnce().finally(() => {
      reloading = undefined;
      if (again) {
        again = false;
        void reload();
      }
    });
    return reloading;
  };

  const stopWatching = config.supergraph.watch
    ? watchSupergraphFile(path, config.supergraph, () => void reload())
    : () => undefined;

  return {
    current: () => live,
    reload,
    probe: () => probeSubgraphs(live.subgraphs, pools, config.subgraphs.probeTimeoutMs),
    hash: () => hash,
    observe(observer) {
      observers = [...observers, observer];
      return () => {
        observers = observers.filter((o) => o !== observer);
      };
    },
    async close() {
      stopWatching();
      await pools.close();
    },
  };
}
