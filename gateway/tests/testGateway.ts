import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { composeSupergraph } from '../../tests/fixtures/federation/composeSupergraph.js';
import { createGateway, type Gateway } from '../src/createGateway.js';
import { type GatewayConfigInput, parseConfig } from '../src/config.js';
import {
  createSupergraphManager,
  type SupergraphManager,
} from '../src/supergraph/createSupergraphManager.js';

/** A one-subgraph supergraph whose subgraph is never called (tests only touch HTTP handling and `__typename`). */
export const tinySupergraph = composeSupergraph([
  {
    name: 'catalog',
    url: 'http://127.0.0.1:9/graphql',
    typeDefs: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { unitName(code: ID!): String }
      type Mutation { rename(code: ID!, name: String!): String }`,
  },
]);

export async function writeTempSupergraph(sdl: string = tinySupergraph): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lgsp-gw-'));
  const path = join(dir, 'supergraph.graphql');
  await writeFile(path, sdl);
  return path;
}

export async function createTestGateway(
  extra: Partial<GatewayConfigInput> = {},
): Promise<{ gateway: Gateway; supergraph: SupergraphManager }> {
  const path = await writeTempSupergraph();
  const config = parseConfig({ auth: { mode: 'off' }, ...extra, supergraph: { path, watch: false } });
  const log = pino({ level: 'silent' });
  const supergraph = await createSupergraphManager(config, log);
  return { gateway: createGateway(config, { supergraph, log }), supergraph };
}
