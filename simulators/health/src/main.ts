#!/usr/bin/env node
// Listens on the simulator port of the `npm start` layout (schema/README.md); env PORT and SEED override.
import { createHealthSimulator } from './createHealthSimulator.js';

const port = Number(process.env.PORT ?? 4304);
const seed = process.env.SEED === undefined ? undefined : Number(process.env.SEED);
const simulator = await createHealthSimulator({ port, seed, host: process.env.HOST });
console.log(`health simulator listening on ${simulator.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
