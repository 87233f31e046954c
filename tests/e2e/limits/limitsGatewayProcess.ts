// A gateway replica with the limits plugins, run as its own process by redisReplicas.test.ts (node strips the types).
// Config comes as JSON in LGSP_LIMITS_TEST_CONFIG: { gateway, limits, cache }. Prints one JSON line with its URL.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createGateway, createSupergraphManager, parseConfig } from '../../../gateway/dist/index.js';
import {
  cacheConfigSchema,
  createLimitsPlugins,
  limitsConfigSchema,
} from '../../../gateway/dist/limits/index.js';

const input = JSON.parse(process.env['LGSP_LIMITS_TEST_CONFIG'] ?? '{}') as Record<string, unknown>;
const log = pino({ level: 'info' });
const config = parseConfig({ auth: { mode: 'off' }, ...(input['gateway'] as object) });
const supergraph = await createSupergraphManager(config, log);
const limits = await createLimitsPlugins(
  {
    limits: limitsConfigSchema.parse(input['limits'] ?? {}),
    cache: cacheConfigSchema.parse(input['cache'] ?? {}),
  },
  { live: () => supergraph.current(), log },
);
const gateway = createGateway(config, { supergraph, log, plugins: limits.plugins });
const server = createServer(gateway);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  log.info({ url: `http://127.0.0.1:${port}` }, 'replica listening');
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void limits
    .close()
    .then(() => supergraph.close())
    .then(() => process.exit(0));
});
