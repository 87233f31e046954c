import { loadCatalogConfig } from './config.js';
import { createCatalogSubgraph } from './createCatalogSubgraph.js';

const subgraph = await createCatalogSubgraph(loadCatalogConfig());
console.log(`catalog subgraph listening on ${subgraph.url}`);
const stop = (): void => {
  void subgraph.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
