import { createEnvironmentSimulator } from './createEnvironmentSimulator.js';

// The port of schema/README.md (environment simulator 4305); PORT overrides it.
const port = Number(process.env.PORT ?? 4305);
const simulator = await createEnvironmentSimulator({ port });
console.log(`environment simulator listening on ${simulator.url}/api/v1`);
const stop = (): void => {
  void simulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
