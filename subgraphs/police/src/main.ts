import { loadPoliceConfig } from './config.js';
import { createPoliceSubgraph } from './createPoliceSubgraph.js';

const subgraph = await createPoliceSubgraph(loadPoliceConfig());
console.log(`police subgraph listening on ${subgraph.url}`);
const stop = (): void => {
  void subgraph.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
