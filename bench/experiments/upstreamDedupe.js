// Experiment: in-flight deduplication of identical subgraph queries (what Hive Gateway's HTTP executor does by
// default). Two requests that need the same subgraph query at the same time share one HTTP call; each gets its own
// copy of the result, because stitching annotates result objects in place. The shared call is detached from the
// first client's abort signal (a first version without that gave a wrong answer when that client went away). Mutations are never shared, and the
// key includes the headers a plugin set for the principal, so two principals never share an answer.
export const upstreamDedupeEdits = [
  {
    file: 'upstream/createSubgraphExecutor.js',
    find: "import { asGatewayContext } from '../gatewayContext.js';",
    replace:
      "import { asGatewayContext } from '../gatewayContext.js';\nimport { print as printKey } from 'graphql';",
  },
  {
    file: 'upstream/createSubgraphExecutor.js',
    find: 'async function callSubgraph(options, path, request) {',
    replace: `const inflightCalls = new Map();
function callSubgraphShared(options, path, request) {
    const operation = getOperationAST(request.document, request.operationName);
    if (operation?.operation !== OperationTypeNode.QUERY) return callSubgraph(options, path, request);
    const ctx = asGatewayContext(request.context);
    const forwarded = options.forwardHeaders.map((h) => ctx.request?.headers?.get(h) ?? null);
    const key = options.url + '\\n' + printKey(request.document) + '\\n' + JSON.stringify(request.variables ?? null) +
        '\\n' + JSON.stringify(ctx.subgraphHeaders ?? null) + '\\n' + JSON.stringify(forwarded);
    const shared = inflightCalls.get(key);
    if (shared) return shared.then((outcome) => structuredClone(outcome));
    // The shared call must not end when the first client goes away: it keeps the headers, not the abort signal.
    const detachedContext = Object.assign(Object.create(ctx), {
        request: ctx.request ? { headers: ctx.request.headers } : undefined,
    });
    const call = callSubgraph(options, path, { ...request, context: detachedContext }).finally(() =>
        inflightCalls.delete(key));
    inflightCalls.set(key, call);
    return call;
}
async function callSubgraph(options, path, request) {`,
  },
  {
    file: 'upstream/createSubgraphExecutor.js',
    find: 'const outcome = await callSubgraph(options, path, request);',
    replace: 'const outcome = await callSubgraphShared(options, path, request);',
  },
];
