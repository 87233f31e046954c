#!/usr/bin/env node
// `npm run sdk:contract -- <client-id> [--purpose CODE]`: the SDK of one partner's contract, in
// sdk/src/contracts/<client-id>/ (schema.graphql, typed documents, persisted-documents.json), formatted by prettier.
// `npm run sdk:contract -- --all` regenerates every contract already in sdk/src/contracts/.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatGenerated } from './formatGenerated.js';
import { generateContractSdk, hasOperations, operationsDirectory } from './contractSdk.js';
import { repositoryRoot } from './schemas.js';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: {
    purpose: { type: 'string' },
    registry: { type: 'string' },
    supergraph: { type: 'string' },
    all: { type: 'boolean' },
  },
  allowPositionals: true,
});
const clientIds = values.all
  ? readdirSync(path.join(repositoryRoot, 'sdk', 'src', 'contracts'))
  : positionals.slice(0, 1);
if (clientIds.length === 0) {
  console.error(
    'usage: npm run sdk:contract -- <client-id> [--purpose CODE] [--registry file] [--supergraph file] | --all',
  );
  process.exit(2);
}

async function writeContract(clientId: string): Promise<void> {
  const files = await generateContractSdk({
    clientId,
    ...(values.purpose ? { purpose: values.purpose } : {}),
    ...(values.registry ? { registryFile: path.resolve(values.registry) } : {}),
    ...(values.supergraph ? { supergraphSdl: readFileSync(path.resolve(values.supergraph), 'utf8') } : {}),
  });
  for (const file of await formatGenerated(files)) {
    const target = path.join(repositoryRoot, file.filename);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
    console.log(`wrote ${file.filename}`);
  }
  if (!hasOperations(clientId)) {
    console.log(`no operations in ${operationsDirectory(clientId)}: only the contract schema was written`);
  }
}

try {
  for (const clientId of clientIds) await writeContract(clientId);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
