import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DevIssuer } from '@lgsp/dev-issuer';
import type { GatewayConfigInput, GatewayPlugin } from '@lgsp/gateway';
import { composeSupergraph, readProvinceSubgraphs, repositoryRoot } from '@lgsp/schema';
import type { SimulatorServer } from '@lgsp/simulator-kit';
import { createSimulatorAdmin, type SimulatorAdmin } from '@lgsp/subgraph-kit/testing';
import { pino, type Level, type Logger } from 'pino';
import { createHubAuth, type HubAuth, type HubAuthMode } from './hubAuth.js';
import {
  deepMerge,
  hubNow,
  provinceSystems,
  startSimulator,
  startSubgraph,
  type ProvinceSystem,
  type StartedSubgraph,
} from './provinceSystems.js';
import { startHubGateway, type HubGateway, type HubGatewayMode } from './startHubGateway.js';

export { hubNow, provinceSystems, type ProvinceSystem } from './provinceSystems.js';
export type { HubAuthMode } from './hubAuth.js';

export interface ProvinceHubOptions {
  /** `inProcess`: `startGateway` in the test's process; `process`: the compiled `gateway/dist/bin.js`. Default `inProcess`. */
  gateway?: HubGatewayMode;
  /**
   * Gateway config merged over the harness's (`log.level`: the `logLevel` option in process, at least `info` for the child, whose lines are kept in `gatewayLogs`; watch off). The harness always
   * sets `supergraph.path`, `server.port` 0 and `server.host`. Use it to turn features on (auth, limits, audit).
   * Default `{}`.
   */
  gatewayConfig?: GatewayConfigInput | Record<string, unknown>;
  /** In-process gateway only: feature plugins handed to `createGateway`. Default none. */
  gatewayPlugins?: GatewayPlugin[];
  /** Process gateway only: extra environment (`LGSP_GATEWAY_*`). Default none. */
  gatewayEnv?: Record<string, string>;
  /**
   * Identity, wired end to end. `required` (the product's default) and `optional`: the dev OIDC issuer starts on port
   * 0 (config/partners.json clients), the gateway verifies its tokens and signs a principal assertion for each
   * subgraph call with a key pair made for this hub, and every subgraph is given the public key (`gatewayTrust`), so a
   * call around the gateway is refused. `off`: none of it. Default `required`.
   */
  auth?: HubAuthMode;
  /** With auth `off`, still start the dev issuer (e.g. to test a gateway configured by hand). Default `false`. */
  devIssuer?: boolean;
  /** The client whose token `query` sends when the call passes no `authorization` header (ignored without an issuer). Default none. */
  defaultClient?: string;
  /** Config values per subgraph, overlaid on port 0 + its simulator (e.g. `{ police: { upstream: { retries: 0 } } }`). Default none. */
  subgraphConfig?: Partial<Record<ProvinceSystem, Record<string, unknown>>>;
  /** The clock of the simulators and subgraphs that take one. Default {@link hubNow} (2026-11-25 12:00 +07:00). */
  now?: Date;
  /** pino level of the in-process gateway, subgraphs and simulators. Default `silent`. */
  logLevel?: Level | 'silent';
  /** How long to wait for the gateway's `/readyz`. Default 30 000 ms. */
  readyTimeoutMs?: number;
}

export interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface HubResponse {
  status: number;
  headers: Headers;
  body: GraphQLResult;
}

/** One simulator as tests drive it: its base URL and its `/__admin` API (faults, stats). */
export interface HubSimulator extends SimulatorAdmin {
  url: string;
  /** The in-process handle (the police one is a `PoliceSimulator` with `operationCounts()` per SOAP operation). */
  server: SimulatorServer;
  /** `${url}/__admin/faults`: POST a fault spec, GET the active ones, DELETE to clear. */
  faultsUrl: string;
  /** `${url}/__admin/stats` (GET), reset with POST `${url}/__admin/stats/reset`. */
  statsUrl: string;
}

export interface ProvinceHub {
  /** Gateway origin; GraphQL at `${gatewayUrl}/graphql`. */
  gatewayUrl: string;
  graphqlUrl: string;
  /** The gateway child's pid in `process` mode. */
  gatewayPid?: number;
  /** Process mode: the gateway's JSON log lines so far. */
  gatewayLogs: Record<string, unknown>[];
  /** Each subgraph's GraphQL URL. */
  subgraphUrls: Record<ProvinceSystem, string>;
  simulators: Record<ProvinceSystem, HubSimulator>;
  /** The supergraph composed with the real ports (a temp file, removed by `close()`). */
  supergraphPath: string;
  supergraphSdl: string;
  /** The dev issuer (with auth on, or `devIssuer: true`): `issuer.issuer`, `issuer.signWithIssuerKey(...)`. */
  issuer?: DevIssuer;
  /** An access token of a demo client from the dev issuer (cached for 4 minutes per client and scopes). */
  token(clientId: string, scopes?: string[]): Promise<string>;
  now: Date;
  /** Wall-clock ms per start-up phase and in total. */
  startupMs: { simulators: number; subgraphs: number; gateway: number; total: number };
  /**
   * POSTs a GraphQL operation to the gateway. Headers are added to `content-type`/`accept: application/json`, and to
   * the `defaultClient`'s bearer token when they carry no `authorization` (pass `authorization: ''` to send none).
   */
  query(
    document: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<HubResponse>;
  /** Resets every simulator's request counters. */
  resetStats(): Promise<void>;
  /** Clears every simulator's faults. */
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

async function composeWithPorts(urls: Record<ProvinceSystem, string>): Promise<string> {
  const entries = await readProvinceSubgraphs();
  const sources = await Promise.all(
    entries.map(async (entry) => ({
      name: entry.name,
      url: urls[entry.name as ProvinceSystem] ?? entry.url,
      sdl: await readFile(path.join(repositoryRoot, entry.schema), 'utf8'),
    })),
  );
  const result = composeSupergraph(sources);
  if (!result.ok) throw new Error(`composition failed:\n${result.errors.join('\n')}`);
  return result.supergraphSdl;
}

function hubSimulator(server: SimulatorServer): HubSimulator {
  return {
    ...createSimulatorAdmin(server.url),
    url: server.url,
    server,
    faultsUrl: `${server.url}/__admin/faults`,
    statsUrl: `${server.url}/__admin/stats`,
  };
}

async function closeAll(closers: (() => Promise<unknown>)[]): Promise<void> {
  const results = await Promise.allSettled(closers.map((close) => close()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function startSystems(
  now: Date,
  log: Logger,
  options: ProvinceHubOptions,
  gatewayTrust: HubAuth['gatewayTrust'],
) {
  const startedAt = performance.now();
  const servers = await Promise.all(provinceSystems.map((system) => startSimulator(system, now)));
  const simulatorsMs = performance.now() - startedAt;
  const subgraphs: StartedSubgraph[] = [];
  try {
    subgraphs.push(
      ...(await Promise.all(
        provinceSystems.map((system, i) =>
          startSubgraph(system, servers[i]!.url, {
            now,
            log: log.child({ subgraph: system }),
            values: options.subgraphConfig?.[system] ?? {},
            gatewayTrust,
          }),
        ),
      )),
    );
  } catch (error) {
    await closeAll(servers.map((s) => () => s.close()));
    throw error;
  }
  return { servers, subgraphs, simulatorsMs, subgraphsMs: performance.now() - startedAt - simulatorsMs };
}

/**
 * Starts the whole province hub on free ports: the five simulators and subgraphs in this process, a supergraph
 * composed with their real URLs, the gateway (in-process or as the real bin), optionally the dev OIDC issuer.
 * One hub per test file (beforeAll/afterAll); close it in afterAll.
 */
export async function startProvinceHub(options: ProvinceHubOptions = {}): Promise<ProvinceHub> {
  const startedAt = performance.now();
  const now = options.now ?? hubNow;
  const log = pino({ level: options.logLevel ?? 'silent' });
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const workDir = await mkdtemp(path.join(tmpdir(), 'lgsp-hub-'));
    closers.push(() => rm(workDir, { recursive: true, force: true }));
    const auth = await createHubAuth(options.auth ?? 'required', workDir, options.devIssuer ?? false);
    if (auth.issuer) closers.push(() => auth.issuer!.close());
    const systems = await startSystems(now, log, options, auth.gatewayTrust);
    closers.push(...systems.subgraphs.map((s) => () => s.close()));
    closers.push(...systems.servers.map((s) => () => s.close()));
    const subgraphUrls = Object.fromEntries(
      provinceSystems.map((system, i) => [system, systems.subgraphs[i]!.url]),
    ) as Record<ProvinceSystem, string>;

    const gatewayStartedAt = performance.now();
    const supergraphSdl = await composeWithPorts(subgraphUrls);
    const supergraphPath = path.join(workDir, 'supergraph.graphql');
    await writeFile(supergraphPath, supergraphSdl);
    const gateway: HubGateway = await startHubGateway({
      mode: options.gateway ?? 'inProcess',
      config: deepMerge(
        { log: { level: options.logLevel ?? 'silent' }, auth: auth.gatewayAuthConfig },
        (options.gatewayConfig ?? {}) as Record<string, unknown>,
      ),
      supergraphPath,
      workDir,
      plugins: options.gatewayPlugins,
      env: options.gatewayEnv,
      log,
      readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
    });
    // The gateway goes first on close, so no request reaches a closed subgraph.
    closers.unshift(() => gateway.close());
    const gatewayMs = performance.now() - gatewayStartedAt;

    const simulators = Object.fromEntries(
      provinceSystems.map((system, i) => [system, hubSimulator(systems.servers[i]!)]),
    ) as Record<ProvinceSystem, HubSimulator>;
    const graphqlUrl = `${gateway.url}/graphql`;
    let closing: Promise<void> | undefined;
    return {
      gatewayUrl: gateway.url,
      graphqlUrl,
      gatewayPid: gateway.pid,
      gatewayLogs: gateway.logs,
      subgraphUrls,
      simulators,
      supergraphPath,
      supergraphSdl,
      issuer: auth.issuer,
      token: auth.token,
      now,
      startupMs: {
        simulators: Math.round(systems.simulatorsMs),
        subgraphs: Math.round(systems.subgraphsMs),
        gateway: Math.round(gatewayMs),
        total: Math.round(performance.now() - startedAt),
      },
      async query(document, variables, headers = {}) {
        const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
        const bearer =
          options.defaultClient && auth.issuer && !hasAuthorization
            ? { authorization: `Bearer ${await auth.token(options.defaultClient)}` }
            : {};
        const sent = Object.fromEntries(
          Object.entries({ ...bearer, ...headers }).filter(
            ([name, value]) => name !== 'authorization' || value,
          ),
        );
        const response = await fetch(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...sent },
          body: JSON.stringify({ query: document, variables }),
        });
        return {
          status: response.status,
          headers: response.headers,
          body: (await response.json()) as GraphQLResult,
        };
      },
      resetStats: () => closeAll(Object.values(simulators).map((s) => () => s.resetStats())),
      clearFaults: () => closeAll(Object.values(simulators).map((s) => () => s.clearFaults())),
      close: () => (closing ??= closeAll([closers[0]!]).then(() => closeAll(closers.slice(1)))),
    };
  } catch (error) {
    await closeAll(closers).catch(() => undefined);
    throw error;
  }
}
