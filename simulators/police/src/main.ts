import { createPoliceSimulator } from './createPoliceSimulator.js';

// The port of the `npm start` layout (schema/README.md); PORT overrides it.
const port = Number(process.env['PORT'] ?? 4303);
const simulator = await createPoliceSimulator({ port });
console.log(`police simulator (SOAP 1.1) at ${simulator.url}/soap/PoliceService`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
