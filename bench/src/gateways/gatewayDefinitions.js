// How each gateway under test is started: a command line, pinned by the caller with taskset. Every peer runs with
// its defaults. Ours runs as shipped (`lgsp-gateway`) with what the peers do not do turned off: authentication,
// partner limits and the audit trail; and, as the comparison requires, our response cache (off by default anyway)
// and in-flight deduplication. `lgsp-planner` is the same with our query planner on (execution.planner).
// Every gateway's output (our pino access log included) is discarded.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
const require = createRequire(import.meta.url);
const hiveBin = path.join(path.dirname(require.resolve('@graphql-hive/gateway/package.json')), 'dist/bin.js');

/**
 * @typedef {{ id: string, label: string, args: (supergraph: string, port: number) => string[],
 *   env?: Record<string, string> }} GatewayDefinition
 */

const ourBenchEnv = {
  LGSP_GATEWAY_AUTH_MODE: 'off',
  LGSP_GATEWAY_LIMITS_ENABLED: 'false',
  LGSP_GATEWAY_AUDIT_ENABLED: 'false',
  LGSP_GATEWAY_CACHE_ENABLED: 'false',
  LGSP_GATEWAY_CACHE_DEDUP_INFLIGHT: 'false',
};

/** @type {GatewayDefinition[]} */
export const gatewayDefinitions = [
  {
    id: 'lgsp',
    label: 'LGSP gateway (ours)',
    args: (supergraph, port) => [
      path.join(repoRoot, 'gateway/dist/bin.js'),
      '--supergraph',
      supergraph,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    env: ourBenchEnv,
  },
  {
    id: 'lgsp-planner',
    label: 'LGSP gateway (ours, query planner on)',
    args: (supergraph, port) => [
      path.join(repoRoot, 'gateway/dist/bin.js'),
      '--supergraph',
      supergraph,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    env: { ...ourBenchEnv, LGSP_GATEWAY_EXECUTION_PLANNER: 'true' },
  },
  {
    id: 'hive',
    label: 'Hive Gateway 2.15.1',
    args: (supergraph, port) => [
      hiveBin,
      'supergraph',
      supergraph,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
  },
  {
    id: 'hive-rust',
    label: 'Hive Gateway + Rust QP (router-runtime 1.4.23)',
    args: (supergraph, port) => [
      hiveBin,
      'supergraph',
      supergraph,
      '--hive-router-runtime',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
  },
  {
    id: 'apollo',
    label: 'Apollo Gateway 2.14.4 + Apollo Server 5',
    args: (supergraph, port) => [path.join(here, 'apolloGateway.js'), supergraph, String(port)],
  },
];
