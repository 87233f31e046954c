#!/usr/bin/env node
import { createEgovSimulator } from './createEgovSimulator.js';

// The `npm start` layout puts the egov simulator on 4302 (schema/README.md); PORT overrides it, NOW pins the clock.
const port = Number(process.env.PORT ?? 4302);
const now = process.env.NOW ? new Date(process.env.NOW) : undefined;
const simulator = await createEgovSimulator({ port, host: process.env.HOST, now });
console.log(
  `egov simulator listening on ${simulator.url} (${simulator.data.dossiers.length} dossiers, ${simulator.data.reports.length} field reports)`,
);

const stop = (): void => {
  simulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
