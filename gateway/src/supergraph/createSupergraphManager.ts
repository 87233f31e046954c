import { createHash } from 'node:crypto';
import { type FSWatcher, unwatchFile, watch, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config.js';
import {
  buildExecutableSupergraph,
  type ExecutableSupergraph,
} from '../execution/buildExecutableSupergraph.js';
import { createSubgraphExecutor } from '../upstream/createSubgraphExecutor.js';
import { createSubgraphPools } from '../upstream/createSubgraphPools.js';
import { probeSubgraphs, type SubgraphProbe } from './probeSubgraphs.js';

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
}

type ManagerConfig = Pick<GatewayConfig, 'supergraph' | 'subgraphs' | 'requestIdHeader'>;

export async function createSupergraphManager(
  config: ManagerConfig,
  log: Logger,
): Promise<SupergraphManager> {
  const path = resolve(config.supergraph.path);
  const pools = createSubgraphPools(config.subgraphs);
  const build = (sdl: string) =>
    buildExecutableSupergraph(sdl, {
      resolveUrl: (name, url) => config.subgraphs.overrides[name]?.url ?? url,
      createExecutor: (subgraph) =>
        createSubgraphExecutor({
          ...subgraph,
          pool: pools.forUrl(subgraph.url),
          timeoutMs: config.subgraphs.overrides[subgraph.name]?.timeoutMs ?? config.subgraphs.timeoutMs,
          forwardHeaders: config.subgraphs.forwardHeaders,
          requestIdHeader: config.requestIdHeader,
        }),
    });
  const hashOf = (sdl: string) => createHash('sha256').update(sdl).digest('hex');

  let sdl: string;
  try {
    sdl = await readFile(path, 'utf8');
  } catch (error) {
    await pools.close();
    throw new Error(`cannot read supergraph ${path}: ${(error as Error).message}`, { cause: error });
  }
  let live: ExecutableSupergraph;
  try {
    live = build(sdl);
  } catch (error) {
    await pools.close();
    throw new Error(`cannot load supergraph ${path}: ${(error as Error).message}`, { cause: error });
  }
  let liveHash = hashOf(sdl);
  log.info({ supergraph: path, subgraphs: live.subgraphs.map((s) => s.name) }, 'supergraph loaded');

  let reloading: Promise<boolean> | undefined;
  async function reloadOnce(): Promise<boolean> {
    let next: string;
    try {
      next = await readFile(path, 'utf8');
    } catch (error) {
      log.error(
        { supergraph: path, err: (error as Error).message },
        'supergraph reload rejected: unreadable',
      );
      return false;
    }
    const nextHash = hashOf(next);
    if (nextHash === liveHash) return false;
    try {
      live = build(next);
      liveHash = nextHash;
    } catch (error) {
      log.error(
        { supergraph: path, err: (error as Error).message },
        'supergraph reload rejected; keeping previous',
      );
      return false;
    }
    log.info({ supergraph: path, subgraphs: live.subgraphs.map((s) => s.name) }, 'supergraph reloaded');
    return true;
  }
  // Reloads never overlap; a change that lands during one reload is picked up by a follow-up read.
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

  let watcher: FSWatcher | undefined;
  let debounce: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void reload(), 50);
  };
  if (config.supergraph.watch) {
    // Watch the directory: editors and `mv` replace the file, which ends a watch on the file itself.
    try {
      watcher = watch(dirname(path), (_event, file) => {
        if (file === null || file === basename(path)) schedule();
      });
      watcher.on('error', () => undefined);
    } catch {
      watcher = undefined;
    }
    // Stat polling backs fs.watch up where it misses changes (network filesystems, some containers).
    watchFile(path, { interval: config.supergraph.pollIntervalMs, persistent: false }, schedule);
  }

  return {
    current: () => live,
    reload,
    probe: () => probeSubgraphs(live.subgraphs, pools, config.subgraphs.probeTimeoutMs),
    async close() {
      clearTimeout(debounce);
      watcher?.close();
      if (config.supergraph.watch) unwatchFile(path, schedule);
      await pools.close();
    },
  };
}
