// A gateway replica, run as its own process by redisReplicas.test.ts and the hostile-query test (node strips the
// types): the real `startGateway`, auth and audit off. Config comes as JSON in LGSP_LIMITS_TEST_CONFIG:
// { gateway, limits, cache }. Prints one JSON line with its URL.
import { pino } from 'pino';
import { parseConfig, startGateway } from '../../../gateway/dist/index.js';

const input = JSON.parse(process.env['LGSP_LIMITS_TEST_CONFIG'] ?? '{}') as Record<string, unknown>;
const log = pino({ level: 'info' });
const gateway = (input['gateway'] ?? {}) as Record<string, unknown>;
const config = parseConfig({
  auth: { mode: 'off' },
  audit: { enabled: false },
  ...gateway,
  server: { host: '127.0.0.1', port: 0, ...(gateway['server'] as object | undefined) },
  limits: input['limits'] ?? {},
  cache: input['cache'] ?? {},
});
const running = await startGateway(config, { log });
log.info({ url: running.url }, 'replica listening');
process.once('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
