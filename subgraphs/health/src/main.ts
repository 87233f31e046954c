#!/usr/bin/env node
// Listens on the health subgraph's port of the `npm start` layout (4104); configuration from LGSP_HEALTH_* env.
import { readGatewayTrust } from '@lgsp/subgraph-kit';
import { loadHealthConfig } from './config.js';
import { createHealthSubgraph } from './createHealthSubgraph.js';

const config = loadHealthConfig();
const subgraph = await createHealthSubgraph(config, {
  ...(config.gatewayKeysFile ? { gatewayTrust: readGatewayTrust(config.gatewayKeysFile) } : {}),
});
console.log(`health subgraph listening on ${subgraph.url} (upstream ${config.upstream.baseUrl})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void subgraph.close().then(() => process.exit(0));
  });
}
