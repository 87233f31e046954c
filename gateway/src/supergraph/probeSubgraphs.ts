import type { SubgraphInfo } from '../execution/buildExecutableSupergraph.js';
import type { SubgraphPools } from '../upstream/createSubgraphPools.js';

export interface SubgraphProbe {
  name: string;
  reachable: boolean;
}

const probeBody = JSON.stringify({ query: '{ __typename }' });

/** A subgraph is reachable when it answers an HTTP request below 500 within the probe timeout. */
async function probeOne(
  subgraph: SubgraphInfo,
  pools: SubgraphPools,
  timeoutMs: number,
): Promise<SubgraphProbe> {
  const url = new URL(subgraph.url);
  try {
    const response = await pools.forUrl(subgraph.url).request({
      path: url.pathname + url.search,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: probeBody,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body.dump();
    return { name: subgraph.name, reachable: response.statusCode < 500 };
  } catch {
    return { name: subgraph.name, reachable: false };
  }
}

export function probeSubgraphs(
  subgraphs: readonly SubgraphInfo[],
  pools: SubgraphPools,
  timeoutMs: number,
): Promise<SubgraphProbe[]> {
  return Promise.all(subgraphs.map((s) => probeOne(s, pools, timeoutMs)));
}
