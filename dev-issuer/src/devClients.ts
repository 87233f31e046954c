import { readFile } from 'node:fs/promises';

/** The part of the partner registry (config/partners.json) the dev issuer needs: who exists, what each may hold. */
export interface DevClientRegistry {
  clients: Record<string, { scopes: string[] }>;
}

/**
 * Reads the demo clients from the partner registry file. The gateway validates that file fully; here we only check
 * the shape we rely on, so that the dev issuer does not depend on gateway code.
 */
export async function readDevClientRegistry(file: string): Promise<DevClientRegistry> {
  const document = JSON.parse(await readFile(file, 'utf8')) as { clients?: unknown };
  const clients = document.clients;
  if (typeof clients !== 'object' || clients === null) {
    throw new Error(`${file}: expected an object "clients"`);
  }
  const result: DevClientRegistry['clients'] = {};
  for (const [clientId, entry] of Object.entries(clients)) {
    const scopes = (entry as { scopes?: unknown }).scopes;
    if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) {
      throw new Error(`${file}: clients.${clientId}.scopes must be an array of strings`);
    }
    result[clientId] = { scopes };
  }
  return { clients: result };
}
