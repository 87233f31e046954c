import { Pool } from 'undici';

export interface SubgraphPoolOptions {
  /** Keep-alive connections per origin. */
  connections: number;
  /** Idle keep-alive socket lifetime. */
  keepAliveTimeoutMs: number;
}

export interface SubgraphPools {
  /** The pool for a URL's origin, created on first use and kept across supergraph reloads. */
  forUrl(url: string): Pool;
  /** Closes every pool, letting in-flight calls finish. */
  close(): Promise<void>;
}

/** One keep-alive undici Pool per subgraph origin; a reload that keeps the URLs keeps the warm sockets. */
export function createSubgraphPools(options: SubgraphPoolOptions): SubgraphPools {
  const pools = new Map<string, Pool>();
  return {
    forUrl(url) {
      const origin = new URL(url).origin;
      let pool = pools.get(origin);
      if (!pool) {
        pool = new Pool(origin, {
          connections: options.connections,
          keepAliveTimeout: options.keepAliveTimeoutMs,
          pipelining: 1,
        });
        pools.set(origin, pool);
      }
      return pool;
    },
    async close() {
      const all = [...pools.values()];
      pools.clear();
      await Promise.allSettled(all.map((p) => p.close()));
    },
  };
}
