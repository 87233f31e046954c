#!/usr/bin/env node
// Listens on the simulator port of the `npm start` layout (schema/README.md). Env: PORT (default 4304), HOST,
// SEED (default 17), FAULTS (JSON fault spec or list, active from the start, e.g. '{"latencyMs":200}').
import { parseFaultSpecs } from '@lgsp/simulator-kit';
import { createHealthSimulator } from './createHealthSimulator.js';

const port = Number(process.env.PORT ?? 4304);
const seed = process.env.SEED === undefined ? undefined : Number(process.env.SEED);
const faults = process.env.FAULTS ? parseFaultSpecs(process.env.FAULTS) : undefined;
const simulator = await createHealthSimulator({ port, seed, faults, host: process.env.HOST });
console.log(`health simulator listening on ${simulator.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
