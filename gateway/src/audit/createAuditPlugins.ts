import type { AuditTrailApi } from '@lgsp/audit';
import { openAuditReader } from '@lgsp/audit';
import type { Logger } from 'pino';
import type { AuthService } from '../auth/createAuthService.js';
import type { GatewayConfig } from '../config.js';
import type { GatewayPlugin } from '../gatewayContext.js';
import { useAudit } from '../plugins/useAudit.js';
import { useAuditorEndpoint } from '../plugins/useAuditorEndpoint.js';
import type { SupergraphManager } from '../supergraph/createSupergraphManager.js';

export interface AuditPluginsDependencies {
  /** The opened trail (`openAuditTrail(config.audit)`); a disabled trail when `audit.enabled` is false. */
  trail: AuditTrailApi;
  supergraph: SupergraphManager;
  log: Logger;
  /** Without auth there is no principal to check `audit:read` on: the auditors' endpoint is not served. */
  auth?: AuthService | undefined;
}

/**
 * The audit plugins in their place at the end of the plugin list (createGateway's order, step 8): the recorder
 * (`useAudit`) and, when auth is on, the auditors' endpoint. Both are absent when `audit.enabled` is false.
 */
export function createAuditPlugins(
  config: GatewayConfig,
  deps: AuditPluginsDependencies,
): { plugins: GatewayPlugin[]; close(): Promise<void> } {
  if (!config.audit.enabled) return { plugins: [], close: async () => undefined };
  const { trail, log } = deps;
  const plugins: GatewayPlugin[] = [
    useAudit({
      trail,
      live: () => deps.supergraph.current(),
      graphqlPath: config.server.graphqlPath,
      requestIdHeader: config.requestIdHeader,
      log,
    }),
  ];
  if (deps.auth && config.auth.mode !== 'off') {
    // The trail has loaded (or created) the key already; the reader reads the same key and the same sink.
    const reader = openAuditReader(config.audit, { log });
    reader.catch((error: unknown) => log.error({ err: (error as Error).message }, 'audit reader not opened'));
    plugins.unshift(
      useAuditorEndpoint({ auth: deps.auth, reader, trail, requestIdHeader: config.requestIdHeader, log }),
    );
    return {
      plugins,
      close: () =>
        reader.then(
          ({ source }) => source.close(),
          () => undefined,
        ),
    };
  }
  return { plugins, close: async () => undefined };
}
