import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeSupergraph, type CompositionResult } from './composeSupergraph.js';

/** The repository root, seen from schema/dist or schema/src. */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the committed supergraph lives. */
export const supergraphPath = path.join(repositoryRoot, 'schema', 'supergraph.graphql');

/** One entry of schema/subgraphs.json. */
export interface ProvinceSubgraphEntry {
  name: string;
  /** URL written into the committed supergraph (the `npm start` layout). */
  url: string;
  /** Path of the subgraph's SDL, relative to the repository root. */
  schema: string;
}

export async function readProvinceSubgraphs(): Promise<ProvinceSubgraphEntry[]> {
  const raw = await readFile(path.join(repositoryRoot, 'schema', 'subgraphs.json'), 'utf8');
  return JSON.parse(raw) as ProvinceSubgraphEntry[];
}

/** Composes the province's subgraphs, as listed in schema/subgraphs.json, from their schema.graphql files. */
export async function composeProvinceSupergraph(): Promise<CompositionResult> {
  const entries = await readProvinceSubgraphs();
  const sources = await Promise.all(
    entries.map(async (e) => ({
      name: e.name,
      url: e.url,
      sdl: await readFile(path.join(repositoryRoot, e.schema), 'utf8'),
    })),
  );
  return composeSupergraph(sources);
}
