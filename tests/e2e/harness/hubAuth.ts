import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDevIssuer, readDevClientRegistry, type DevIssuer } from '@lgsp/dev-issuer';
import { generateAssertionKeyPair } from '@lgsp/gateway';
import { repositoryRoot } from '@lgsp/schema';
import type { GatewayTrustOptions } from '@lgsp/subgraph-kit';

/** `required` and `optional` as the gateway's `auth.mode`; `off` turns authentication and assertions off. */
export type HubAuthMode = 'required' | 'optional' | 'off';

export const partnersFile = path.join(repositoryRoot, 'config', 'partners.json');

export interface HubAuth {
  /** The gateway's `auth` section for this hub. */
  gatewayAuthConfig: Record<string, unknown>;
  /** What the subgraphs verify the gateway's assertions with (undefined with auth off). */
  gatewayTrust?: GatewayTrustOptions;
  issuer?: DevIssuer;
  /** A cached access token of a demo client (config/partners.json), from a real client-credentials grant. */
  token(clientId: string, scopes?: string[]): Promise<string>;
}

/** Tokens live 300 s at the dev issuer; reuse one for 240 s so a slow test never sends an expired one. */
const tokenReuseMs = 240_000;

/**
 * Sets up identity for a hub: with auth on, the dev OIDC issuer on port 0, the gateway's assertion key pair (private
 * half in `workDir` for the gateway, public half for the subgraphs), and the gateway's `auth` config pointing at both.
 */
export async function createHubAuth(
  mode: HubAuthMode,
  workDir: string,
  withIssuer: boolean,
): Promise<HubAuth> {
  const issuer =
    mode !== 'off' || withIssuer
      ? await createDevIssuer({ port: 0, registry: await readDevClientRegistry(partnersFile) })
      : undefined;
  const tokens = new Map<string, { token: string; until: number }>();
  const token = async (clientId: string, scopes?: string[]) => {
    if (!issuer) throw new Error('the hub runs without the dev issuer (auth off): pass devIssuer: true');
    const key = `${clientId} ${scopes?.join(' ') ?? '*'}`;
    const cached = tokens.get(key);
    if (cached && cached.until > Date.now()) return cached.token;
    const fresh = await issuer.issueToken(clientId, scopes ? { scopes } : undefined);
    tokens.set(key, { token: fresh, until: Date.now() + tokenReuseMs });
    return fresh;
  };
  if (mode === 'off') return { gatewayAuthConfig: { mode: 'off' }, issuer, token };
  const { privateJwk, publicJwk } = generateAssertionKeyPair();
  const privateKeyFile = path.join(workDir, 'assertion-key.json');
  await writeFile(privateKeyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  return {
    gatewayAuthConfig: {
      mode,
      issuer: issuer!.issuer,
      audience: issuer!.audience,
      registryFile: partnersFile,
      watchRegistry: false,
      subgraphAssertion: { privateKeyFile },
    },
    gatewayTrust: { keys: [publicJwk] },
    issuer,
    token,
  };
}
