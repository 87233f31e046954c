// Child process (pinned with the load generator): the four standard subgraphs on loopback ports and their
// composed supergraph (@theguild/federation-composition, MIT). Reports `{ urls, supergraphPath }` over IPC and
// answers `stats` messages with each subgraph's memo hit counts.
import { writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createMemoSubgraphServer } from './createMemoSubgraphServer.js';
import { buildStandardSubgraph, subgraphNames, typeDefs } from './subgraphSchemas.js';

const supergraphPath = process.argv[2];
const servers = {};
const urls = {};
for (const name of subgraphNames) {
  const { server, stats } = createMemoSubgraphServer(buildStandardSubgraph(name));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers[name] = stats;
  urls[name] = `http://127.0.0.1:${server.address().port}/graphql`;
}
const composed = composeServices(
  subgraphNames.map((name) => ({ name, typeDefs: parse(typeDefs[name]), url: urls[name] })),
);
if (composed.errors?.length) {
  console.error(composed.errors.map((e) => e.message).join('\n'));
  process.exit(1);
}
writeFileSync(supergraphPath, composed.supergraphSdl);
process.on('message', (message) => {
  if (message === 'stats') process.send({ stats: servers });
});
process.on('disconnect', () => process.exit(0));
process.send({ urls, supergraphPath });
