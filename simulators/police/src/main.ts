#!/usr/bin/env node
// Listens on the simulator port of the `npm start` layout (schema/README.md). Env: PORT (default 4303), HOST,
// SEED (default 17), FAULTS (a JSON fault spec or list, active from the start, e.g. '{"latencyMs":200}'),
// NOW (an ISO instant that pins the clock of camera events and alerts; default the real clock).
import { parseFaultSpecs } from '@lgsp/simulator-kit';
import { createPoliceSimulator } from './createPoliceSimulator.js';
import { POLICE_SERVICE_PATH } from './routes/policeService.js';

const port = Number(process.env['PORT'] ?? 4303);
const seed = process.env['SEED'] === undefined ? undefined : Number(process.env['SEED']);
const faults = process.env['FAULTS'] ? parseFaultSpecs(process.env['FAULTS']) : undefined;
const pinned = process.env['NOW'] ? new Date(process.env['NOW']) : undefined;
const simulator = await createPoliceSimulator({
  port,
  seed,
  faults,
  host: process.env['HOST'],
  now: pinned ? () => pinned : undefined,
});
console.log(`police simulator (SOAP 1.1) listening on ${simulator.url}${POLICE_SERVICE_PATH}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
