#!/usr/bin/env node
import { loadEgovConfig } from './config.js';
import { createEgovSubgraph } from './createEgovSubgraph.js';

// Listens on LGSP_EGOV_PORT (default 4102) and reads the upstream from LGSP_EGOV_UPSTREAM__BASE_URL.
const subgraph = await createEgovSubgraph(loadEgovConfig());
console.log(`egov subgraph listening on ${subgraph.url}`);

const stop = (): void => {
  subgraph.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
