import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openAuditTrail } from '@lgsp/audit';
import type { Logger } from 'pino';
import type { AuthService } from './auth/createAuthService.js';
import type { GatewayConfig } from './config.js';
import { createGateway, type Gateway } from './createGateway.js';
import { createGatewayAuth } from './createGatewayAuth.js';
import { createLogger } from './createLogger.js';
import { createAuditPlugins } from './audit/createAuditPlugins.js';
import { createLimitsPlugins } from './limits/createLimitsPlugins.js';
import { createSupergraphManager, type SupergraphManager } from './supergraph/createSupergraphManager.js';

export interface RunningGateway {
  gateway: Gateway;
  supergraph: SupergraphManager;
  server: Server;
  /** e.g. `http://127.0.0.1:4000` (the bound address, so port 0 resolves). */
  url: string;
  /** Stops accepting, lets in-flight requests finish (up to `server.shutdownTimeoutMs`), then frees everything. */
  close(): Promise<void>;
}

export interface StartGatewayOptions {
  log?: Logger;
}

/** Loads the supergraph, builds the gateway and listens. Rejects if the supergraph cannot be loaded. */
export async function startGateway(
  config: GatewayConfig,
  options: StartGatewayOptions = {},
): Promise<RunningGateway> {
  const log = options.log ?? createLogger(config);
  // The limits come first: their subgraph guard wraps the executors the supergraph manager creates. What they read
  // of the supergraph and the registry is read per request, once both exist.
  const late: { supergraph?: SupergraphManager; auth?: AuthService | undefined } = {};
  const limits = await createLimitsPlugins(
    { limits: config.limits, cache: config.cache },
    {
      live: () => late.supergraph!.current(),
      log: log.child({ component: 'limits' }),
      registryQuota: (clientId) => late.auth?.quota(clientId),
    },
  );
  const manager = await createSupergraphManager(config, log, {
    wrapExecutor: (name, executor) => limits.subgraphGuard.wrap(name, executor),
  }).catch(async (error: unknown) => {
    await limits.close();
    throw error;
  });
  late.supergraph = manager;
  const auth = await createGatewayAuth(config, manager, log).catch(async (error: unknown) => {
    await limits.close();
    await manager.close();
    throw error;
  });
  late.auth = auth;
  // Opened before listening: personal-data reads are refused until the trail can make records durable.
  const audit = await openAuditTrail(config.audit, { log: log.child({ component: 'audit' }) }).catch(
    async (error: unknown) => {
      auth?.close();
      await limits.close();
      await manager.close();
      throw error;
    },
  );
  const auditPlugins = createAuditPlugins(config, { trail: audit.trail, supergraph: manager, log, auth });
  let accepting = true;
  const gateway = createGateway(config, {
    supergraph: manager,
    log,
    isAccepting: () => accepting,
    ...(auth ? { auth } : {}),
    limits,
    plugins: auditPlugins.plugins,
  });
  const server = createServer(gateway);
  // Keep-alive longer than typical load balancer idle timeouts, so the balancer closes first (no reset races).
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.server.port, config.server.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info({ url: `${url}${config.server.graphqlPath}` }, 'gateway listening');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      accepting = false;
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets would hold close() open; requests still running keep theirs until they finish.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      const deadline = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), config.server.shutdownTimeoutMs).unref(),
      );
      if ((await Promise.race([drained, deadline])) === 'timeout') {
        log.warn('shutdown timeout reached; closing remaining connections');
        server.closeAllConnections();
      }
      clearInterval(sweep);
      auth?.close();
      // After the drain, so the records of the last requests are written before the trail closes.
      await auditPlugins.close();
      await audit
        .close()
        .catch((error: unknown) => log.error({ err: (error as Error).message }, 'audit close'));
      await limits
        .close()
        .catch((error: unknown) => log.error({ err: (error as Error).message }, 'limits close'));
      await manager.close();
      log.info('gateway stopped');
    })());
  return { gateway, supergraph: manager, server, url, close };
}
