import { createHealthSimulator, type HealthSimulator } from '@lgsp/simulator-health';
import { pino } from 'pino';
import { loadHealthConfig, type HealthConfigInput } from '../src/config.js';
import { createHealthSubgraph, type HealthSubgraph } from '../src/createHealthSubgraph.js';

export interface HealthStack {
  simulator: HealthSimulator;
  subgraph: HealthSubgraph;
  close(): Promise<void>;
}

/** The real simulator on port 0 and the subgraph in-process (no port), wired together. */
export async function startHealthStack(upstream: HealthConfigInput['upstream'] = {}): Promise<HealthStack> {
  const simulator = await createHealthSimulator({ port: 0 });
  const config = loadHealthConfig({
    values: { upstream: { ...upstream, baseUrl: `${simulator.url}/api/v1` } },
    env: {},
  });
  const subgraph = await createHealthSubgraph(config, { listen: false, log: pino({ level: 'silent' }) });
  return {
    simulator,
    subgraph,
    close: async () => {
      await subgraph.close();
      await simulator.close();
    },
  };
}
