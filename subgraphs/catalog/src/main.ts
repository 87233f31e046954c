import { ConfigError, readGatewayTrust } from '@lgsp/subgraph-kit';
import { loadCatalogConfig } from './config.js';
import { createCatalogSubgraph } from './createCatalogSubgraph.js';

let config;
try {
  config = loadCatalogConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  // Every problem at once, with the env variable to fix; exit 2 like other usage errors.
  console.error(error.message);
  process.exit(2);
}
const subgraph = await createCatalogSubgraph(config, {
  ...(config.gatewayKeysFile ? { gatewayTrust: readGatewayTrust(config.gatewayKeysFile) } : {}),
});
console.log(`catalog subgraph listening on ${subgraph.url}`);
const stop = (): void => {
  void subgraph.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
