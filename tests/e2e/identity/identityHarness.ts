import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createDevIssuer, readDevClientRegistry, type DevIssuer } from '@lgsp/dev-issuer';
import { loadPartnerRegistry, type PartnerRegistry } from '../../../gateway/src/auth/partnerRegistry.js';
import { createTokenVerifier, type TokenVerifierOptions } from '../../../gateway/src/auth/verifyToken.js';

export const registryFile = fileURLToPath(new URL('../../../config/partners.json', import.meta.url));

/** The real dev issuer over the demo registry, on a free port. */
export async function startDevIssuer(): Promise<DevIssuer> {
  return createDevIssuer({ port: 0, registry: await readDevClientRegistry(registryFile) });
}

export async function verifierFor(issuer: DevIssuer, options: Partial<TokenVerifierOptions> = {}) {
  const registry: PartnerRegistry = await loadPartnerRegistry(registryFile);
  return createTokenVerifier({
    issuer: issuer.issuer,
    audience: issuer.audience,
    client: (id) => (Object.hasOwn(registry.clients, id) ? registry.clients[id] : undefined),
    ...options,
  });
}

/** A pass-through proxy to the issuer that counts the JWKS requests it forwards. */
export async function startCountingProxy(
  target: string,
): Promise<{ url: string; jwksRequests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/jwks')) count += 1;
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    jwksRequests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
