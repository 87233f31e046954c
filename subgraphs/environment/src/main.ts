import { loadEnvironmentConfig } from './config.js';
import { createEnvironmentSubgraph } from './createEnvironmentSubgraph.js';

const subgraph = await createEnvironmentSubgraph(loadEnvironmentConfig());
console.log(`environment subgraph listening on ${subgraph.url}`);
const stop = (): void => {
  void subgraph.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
