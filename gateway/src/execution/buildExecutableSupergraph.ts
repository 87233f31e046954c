import { getBatchingExecutor } from '@graphql-tools/batch-execute';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import type { Executor } from '@graphql-tools/utils';
import { buildASTSchema, type DocumentNode, type GraphQLSchema, parse, validateSchema } from 'graphql';
import { createPartialUnionFilter } from './createPartialUnionFilter.js';
import { createPlanExecutor, registerPlanExecutor } from './planExecutorRegistry.js';
import {
  type InterfaceObjectPatches,
  patchInterfaceObjects,
  renameFragments,
} from './patchInterfaceObjects.js';
import { readJoinMetadata } from './readJoinMetadata.js';
import { relocateMergedFieldErrors } from './relocateMergedFieldErrors.js';

/**
 * The execution layer's whole interface: supergraph SDL in, executable schema and its subgraphs out. Everything
 * about query planning lives behind it (today @graphql-tools/federation + stitch), so the planner can be replaced
 * (issue 8) without touching plugins, HTTP or config.
 */
export interface SubgraphInfo {
  /** Name from `join__graph(name:)` (the one subgraph authors and configs use). */
  name: string;
  /** URL the gateway calls (the supergraph's, or the configured override). */
  url: string;
}

export interface ExecutableSupergraph {
  /** The public, executable schema (join__* and @inaccessible elements removed). */
  schema: GraphQLSchema;
  subgraphs: readonly SubgraphInfo[];
  /** The supergraph document as loaded, with every directive (auth rules read @requiresScopes etc. from it). */
  document: DocumentNode;
}

export interface BuildSupergraphOptions {
  /** Maps a subgraph to the URL to call (config overrides). */
  resolveUrl: (name: string, supergraphUrl: string) => string;
  /** Creates the transport executor of one subgraph; called once per subgraph per build. */
  createExecutor: (subgraph: SubgraphInfo) => Executor;
  /**
   * Execute queries inside the query planner's subset with our own cached plans (`createQueryPlanner`) instead of
   * stitching; everything else still goes through stitching. Experimental (issue 8), see docs/performance.md.
   * Default: false.
   */
  planner?: boolean;
}

/** Throws with a message naming the first problem; the caller decides whether to keep the previous schema. */
function assertValidSupergraph(ast: DocumentNode, graphs: Map<string, { url: string }>): GraphQLSchema {
  if (graphs.size === 0) throw new Error('not a Federation v2 supergraph: no join__Graph enum');
  for (const [graph, { url }] of graphs) {
    if (!url) throw new Error(`subgraph ${graph} has no url in join__graph`);
  }
  const schema = buildASTSchema(ast, { assumeValidSDL: false });
  const errors = validateSchema(schema);
  if (errors.length > 0) throw new Error(`invalid supergraph: ${errors.map((e) => e.message).join('; ')}`);
  return schema;
}

export function buildExecutableSupergraph(
  sdl: string,
  options: BuildSupergraphOptions,
): ExecutableSupergraph {
  const ast = parse(sdl, { noLocation: true });
  const meta = readJoinMetadata(ast);
  const graphs = meta.graphs;
  const supergraphSchema = assertValidSupergraph(ast, graphs);
  const filterPartialUnions = createPartialUnionFilter(supergraphSchema, ast);
  const subgraphs = new Map<string, SubgraphInfo>();
  const executors = new Map<string, Executor>();
  const transports = new Map<string, Executor>();
  // Filled while stitching (below), read by each subgraph's transport at call time.
  let interfaceObjectPatches: InterfaceObjectPatches = new Map();
  for (const [graph, { name, url }] of graphs) {
    const info = { name, url: options.resolveUrl(name, url) };
    subgraphs.set(graph, info);
    const send = options.createExecutor(info);
    // Outgoing documents are rewritten for what the real subgraph knows (see the two modules for why).
    const transport: Executor = (request) => {
      let document = request.document;
      const renames = interfaceObjectPatches.get(graph);
      if (renames) document = renameFragments(document, renames);
      if (filterPartialUnions) document = filterPartialUnions(document);
      return send(document === request.document ? request : { ...request, document });
    };
    transports.set(graph, transport);
    // Requests to one subgraph issued in the same tick of one GraphQL request become one HTTP call
    // (entity fetches of several types at one plan step, sibling root fields).
    executors.set(graph, (request) =>
      request.context ? getBatchingExecutor(request.context, transport)(request) : transport(request),
    );
  }
  const schema = getStitchedSchemaFromSupergraphSdl({
    supergraphSdl: ast,
    onStitchingOptions(stitching) {
      interfaceObjectPatches = patchInterfaceObjects(
        stitching.subschemas,
        meta.interfaceObjects,
        meta.typeGraphs,
        supergraphSchema,
      );
    },
    onSubschemaConfig(config) {
      const executor = executors.get(config.name);
      if (!executor) throw new Error(`subgraph ${config.name} is not in join__Graph`);
      config.executor = executor;
    },
  });
  relocateMergedFieldErrors(schema);
  if (options.planner) {
    // Plans group their own calls per subgraph (printed once), so they skip the per-request batching executor.
    registerPlanExecutor(schema, createPlanExecutor(supergraphSchema, schema, ast, transports));
  }
  return { schema, subgraphs: [...subgraphs.values()], document: ast };
}
