import { print } from 'graphql';
import type { Logger } from 'pino';
import { createAuthService, type AuthService } from './auth/createAuthService.js';
import type { GatewayConfig } from './config.js';
import type { SupergraphManager } from './supergraph/createSupergraphManager.js';

/**
 * The auth service for `createGateway`, built from the `auth` config over the live supergraph (I/O: reads the
 * partner registry and the assertion key file). Undefined when `auth.mode` is `off`.
 */
export async function createGatewayAuth(
  config: Pick<GatewayConfig, 'auth'>,
  supergraph: Pick<SupergraphManager, 'current'>,
  log: Logger,
): Promise<AuthService | undefined> {
  if (config.auth.mode === 'off') {
    log.warn('auth.mode is off: no authentication, no authorization, no masking');
    return undefined;
  }
  const auth = await createAuthService({
    config: config.auth,
    supergraphSdl: print(supergraph.current().document),
    onRegistryReload: (registry) =>
      log.info({ clients: Object.keys(registry.clients).length }, 'partner registry reloaded'),
    onRegistryError: (error) =>
      log.error({ problems: error.problems }, 'partner registry reload rejected; keeping previous'),
  });
  if (config.auth.subgraphAssertion.enabled && !config.auth.subgraphAssertion.privateKeyFile) {
    log.warn(
      { keys: auth.assertionKeys.keys.map((key) => (key as { kid?: string }).kid) },
      'subgraph assertions are signed with a key generated at start: subgraphs must be given its public JWK',
    );
  }
  log.info({ mode: config.auth.mode, issuer: config.auth.issuer }, 'auth enabled');
  return auth;
}
