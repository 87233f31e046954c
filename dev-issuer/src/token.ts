#!/usr/bin/env node
// `npm run token -- <client-id> [scope ...]`: prints an access token of a demo client from the running dev issuer.
import { parseArgs } from 'node:util';
import { readClientsFile } from './clientsFile.js';
import { DEFAULT_CLIENTS_FILE } from './config.js';
import { requestClientCredentialsToken } from './createDevIssuer.js';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { 'clients-file': { type: 'string' } },
  allowPositionals: true,
});
const file = values['clients-file'] ?? process.env['LGSP_DEV_ISSUER_CLIENTS_FILE'] ?? DEFAULT_CLIENTS_FILE;
const [clientId, ...scopes] = positionals;
const running = await readClientsFile(file);
if (running === undefined) fail(`The dev issuer is not running (no ${file}). Start it with \`npm start\`.`);
if (clientId === undefined)
  fail(
    `usage: npm run token -- <client-id> [scope ...]\nclients: ${Object.keys(running.clients).join(', ')}`,
  );
const client = running.clients[clientId];
if (client === undefined)
  fail(`Unknown demo client ${clientId}. Known: ${Object.keys(running.clients).join(', ')}`);

try {
  const token = await requestClientCredentialsToken({
    tokenEndpoint: running.tokenEndpoint,
    clientId,
    clientSecret: client.secret,
    scopes: scopes.length > 0 ? scopes : client.scopes,
  });
  console.log(token);
} catch (error) {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') {
    fail(
      `The dev issuer at ${running.issuer} is not running (connection refused). Start it with \`npm start\`.`,
    );
  }
  fail((error as Error).message);
}
