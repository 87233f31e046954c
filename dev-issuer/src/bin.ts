#!/usr/bin/env node
import { readCliConfig } from './config.js';
import { writeClientsFile, removeClientsFile } from './clientsFile.js';
import { createDevIssuer } from './createDevIssuer.js';
import { readDevClientRegistry } from './devClients.js';

const config = readCliConfig(process.argv.slice(2), process.env);
const registry = await readDevClientRegistry(config.registryFile);
const issuer = await createDevIssuer({
  port: config.port,
  host: config.host,
  audience: config.audience,
  registry,
});
await writeClientsFile(config.clientsFile, {
  issuer: issuer.issuer,
  tokenEndpoint: issuer.tokenEndpoint,
  audience: issuer.audience,
  clients: Object.fromEntries(
    Object.entries(registry.clients).map(([id, { scopes }]) => [
      id,
      { secret: issuer.clientSecrets[id]!, scopes },
    ]),
  ),
});
console.log(`dev OIDC issuer ${issuer.issuer} (audience ${issuer.audience})`);
console.log(`  discovery ${issuer.issuer}/.well-known/openid-configuration`);
console.log(
  `  demo clients: ${Object.keys(registry.clients).join(', ')}; get a token: npm run token -- <client-id>`,
);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await removeClientsFile(config.clientsFile);
  await issuer.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
