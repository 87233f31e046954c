#!/usr/bin/env node
import { readGatewayTrust } from '@lgsp/subgraph-kit';
import { loadEgovConfig } from './config.js';
import { createEgovSubgraph } from './createEgovSubgraph.js';

// Listens on LGSP_EGOV_PORT (default 4102) and reads the upstream from LGSP_EGOV_UPSTREAM__BASE_URL.
const config = loadEgovConfig();
const subgraph = await createEgovSubgraph(config, {
  ...(config.gatewayKeysFile ? { gatewayTrust: readGatewayTrust(config.gatewayKeysFile) } : {}),
});
console.log(`egov subgraph listening on ${subgraph.url}`);

const stop = (): void => {
  subgraph.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
