// The SDK's end-to-end fixtures: the whole province hub (tests/e2e/harness) with the gateway's auth on and the real
// dev OIDC issuer, so the SDK is tested exactly as a partner's system would use it.
import path from 'node:path';
import {
  createDevIssuer,
  readDevClientRegistry,
  type DevIssuer,
  type DevIssuerOptions,
} from '@lgsp/dev-issuer';
import { repositoryRoot } from '@lgsp/schema';
import { startProvinceHub, type ProvinceHub, type ProvinceHubOptions } from '../harness/startProvinceHub.js';

export const partnersFile = path.join(repositoryRoot, 'config', 'partners.json');

export interface SdkHub {
  hub: ProvinceHub;
  issuer: DevIssuer;
  /** The issuer's generated secret of a demo client. */
  secretOf(clientId: string): string;
  close(): Promise<void>;
}

export interface SdkHubOptions {
  /** Dev issuer options (e.g. a short `accessTokenTtlSeconds`). Default: its defaults. */
  issuer?: Partial<DevIssuerOptions>;
  /** Gateway `auth` settings over the harness's (e.g. `clockToleranceSeconds`, `registryFile`). Default: none. */
  auth?: Record<string, unknown>;
  hub?: ProvinceHubOptions;
}

/**
 * The hub with auth required (the harness wires the dev issuer, the gateway's assertions and the subgraphs' trust).
 * With `issuer` options, a dev issuer started here replaces the harness's one, so its token lifetime can be chosen.
 */
export async function startSdkHub(options: SdkHubOptions = {}): Promise<SdkHub> {
  const own = options.issuer
    ? await createDevIssuer({
        port: 0,
        registry: await readDevClientRegistry(partnersFile),
        ...options.issuer,
      })
    : undefined;
  try {
    const auth = {
      ...(own ? { issuer: own.issuer, audience: own.audience } : {}),
      ...options.auth,
    };
    const hub = await startProvinceHub({
      ...options.hub,
      auth: 'required',
      gatewayConfig: { ...options.hub?.gatewayConfig, auth },
    });
    const issuer = own ?? hub.issuer!;
    return {
      hub,
      issuer,
      secretOf: (clientId) => {
        const secret = issuer.clientSecrets[clientId];
        if (secret === undefined) throw new Error(`no demo client ${clientId}`);
        return secret;
      },
      close: async () => {
        await hub.close();
        await own?.close();
      },
    };
  } catch (error) {
    await own?.close();
    throw error;
  }
}

/** Resolves once `predicate` holds, checking every 100 ms; for waiting on the clock (token expiry), not on timing. */
export async function waitUntil(predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The `exp` claim of a JWT, in epoch seconds. */
export function expiryOf(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as {
    exp: number;
  };
  return payload.exp;
}
