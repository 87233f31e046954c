import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen.js';
import { generateContractSdk } from '../tools/src/contractSdk.js';
import { formatGenerated } from '../tools/src/formatGenerated.js';
import { repositoryRoot } from '../tools/src/schemas.js';

const committed = (file: string) => readFileSync(path.join(repositoryRoot, file), 'utf8');
const filesUnder = (directory: string) =>
  readdirSync(path.join(repositoryRoot, directory)).map((name) => `${directory}${name}`);

// Generation takes a few seconds on the shared CI machine.
const GENERATION_TIMEOUT_MS = 120_000;

describe('committed generated files equal a fresh generation', () => {
  it(
    'codegen.ts: subgraph resolver types, the SDK documents and persisted-documents.json',
    async () => {
      const outputs = await generate({ ...config, hooks: {}, silent: true, cwd: repositoryRoot }, false);
      const fresh = await formatGenerated(outputs as { filename: string; content: string }[]);
      expect(fresh.map((file) => file.filename).sort()).toEqual(
        expect.arrayContaining([
          'sdk/src/generated/graphql.ts',
          'sdk/src/generated/persisted-documents.json',
          'subgraphs/health/src/generated/resolvers-types.ts',
        ]),
      );
      for (const file of fresh) {
        // A failure here means: run `npm run codegen` and commit the result.
        expect({ file: file.filename, content: committed(file.filename) }).toEqual({
          file: file.filename,
          content: file.content,
        });
      }
      expect(filesUnder('sdk/src/generated/').sort()).toEqual(
        fresh
          .filter((f) => f.filename.startsWith('sdk/src/generated/'))
          .map((f) => f.filename)
          .sort(),
      );
    },
    GENERATION_TIMEOUT_MS,
  );

  const contracts = readdirSync(path.join(repositoryRoot, 'sdk/src/contracts'));

  it.each(contracts)(
    'npm run sdk:contract -- %s',
    async (clientId) => {
      const fresh = await formatGenerated(await generateContractSdk({ clientId }));
      for (const file of fresh) {
        expect({ file: file.filename, content: committed(file.filename) }).toEqual({
          file: file.filename,
          content: file.content,
        });
      }
      expect(filesUnder(`sdk/src/contracts/${clientId}/`).sort()).toEqual(
        fresh.map((f) => f.filename).sort(),
      );
    },
    GENERATION_TIMEOUT_MS,
  );
});
