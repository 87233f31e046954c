import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { GeneratedFile } from './contractSdk.js';
import { repositoryRoot } from './schemas.js';

/** Formats generated files as `prettier --write` would (the committed files are formatted; drift compares them). */
export async function formatGenerated(files: GeneratedFile[]): Promise<GeneratedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      if (file.filename.endsWith('.graphql')) return file; // .prettierignore: *.graphql
      const filepath = path.join(repositoryRoot, file.filename);
      const options = (await resolveConfig(filepath)) ?? {};
      return { ...file, content: await format(file.content, { ...options, filepath }) };
    }),
  );
}
