import { createCatalogSimulator } from './createCatalogSimulator.js';

// The port of schema/README.md (catalog simulator 4301); PORT overrides it.
const port = Number(process.env.PORT ?? 4301);
const simulator = await createCatalogSimulator({ port });
console.log(`catalog simulator listening on ${simulator.url}/api/v1`);
const stop = (): void => {
  void simulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
