import { createEgovSimulator, type EgovSimulator } from '@lgsp/simulator-egov';
import { createEgovSubgraph, loadEgovConfig, type EgovSubgraph } from '../src/index.js';

export interface Harness {
  simulator: EgovSimulator;
  subgraph: EgovSubgraph;
  run(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{
    data?: Record<string, unknown> | null;
    errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  }>;
  close(): Promise<void>;
}

/**
 * The real egov simulator on port 0 and the subgraph in-process. The upstream timeout is long enough for a loaded
 * 2-core CI machine (a statistics call scans thousands of dossiers) and short enough for the one hanging-route test.
 */
export async function startHarness(): Promise<Harness> {
  const simulator = await createEgovSimulator({ port: 0 });
  const config = loadEgovConfig(
    {
      port: 0,
      logLevel: 'silent',
      upstream: { baseUrl: `${simulator.url}/api/v1`, requestTimeoutMs: 5_000 },
    },
    {},
  );
  const subgraph = await createEgovSubgraph(config, {
    listen: false,
    now: () => simulator.data.now,
    upstream: { backoffBaseMs: 1, backoffMaxMs: 5, breaker: { failureThreshold: 1_000, openMs: 1_000 } },
  });
  return {
    simulator,
    subgraph,
    run: async (query, variables, headers) =>
      (await subgraph.executeOperation({ query, variables }, { headers })) as Awaited<
        ReturnType<Harness['run']>
      >,
    close: async () => {
      await subgraph.close();
      await simulator.close();
    },
  };
}
