import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { clientTarget } from './codegenTargets.js';
import { contractSchema, repositoryRoot, type ContractOptions } from './schemas.js';

/** One generated file, path relative to the repository root. */
export interface GeneratedFile {
  filename: string;
  content: string;
}

export const contractDirectory = (clientId: string) => `sdk/src/contracts/${clientId}/`;
export const operationsDirectory = (clientId: string) => `sdk/operations/${clientId}/`;

/** Whether the catalogue holds operations of this client (sdk/operations/<client-id>/*.graphql). */
export function hasOperations(clientId: string): boolean {
  const directory = path.join(repositoryRoot, operationsDirectory(clientId));
  return existsSync(directory) && readdirSync(directory).some((file) => file.endsWith('.graphql'));
}

/**
 * The SDK of one partner's contract: `schema.graphql` (the contract, as the gateway builds it for that client) and,
 * when the catalogue has operations of that client, their typed documents and `persisted-documents.json`. An
 * operation that reads a field outside the contract fails generation, naming the field.
 */
export async function generateContractSdk(options: ContractOptions): Promise<GeneratedFile[]> {
  const outDir = contractDirectory(options.clientId);
  const schema = printSchema(contractSchema(options));
  const files: GeneratedFile[] = [{ filename: `${outDir}schema.graphql`, content: `${schema}\n` }];
  if (!hasOperations(options.clientId)) return files;
  const outputs = await generate(
    {
      cwd: repositoryRoot,
      silent: true,
      overwrite: true,
      generates: clientTarget({
        schema,
        documents: [`${operationsDirectory(options.clientId)}**/*.graphql`],
        outDir,
      }),
    },
    false,
  );
  for (const output of outputs as GeneratedFile[]) {
    const filename = path.isAbsolute(output.filename)
      ? path.relative(repositoryRoot, output.filename)
      : output.filename;
    files.push({ filename, content: output.content });
  }
  return files;
}
