#!/usr/bin/env node
// `npm run compose`: regenerates schema/supergraph.graphql from the subgraphs' schema.graphql files.
// Exit 1 on composition errors; nothing is written then.
import { writeFile } from 'node:fs/promises';
import { composeProvinceSupergraph, supergraphPath } from './provinceSupergraph.js';

const result = await composeProvinceSupergraph();
if (!result.ok) {
  console.error(`compose: ${result.errors.length} error(s):\n- ${result.errors.join('\n- ')}`);
  process.exit(1);
}
await writeFile(supergraphPath, result.supergraphSdl);
console.log(`compose: wrote ${supergraphPath}`);
