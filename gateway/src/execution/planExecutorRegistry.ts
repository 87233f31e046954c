import type { Executor } from '@graphql-tools/utils';
import type { DocumentNode, ExecutionArgs, ExecutionResult, GraphQLSchema } from 'graphql';
import { createQueryPlanner } from './createQueryPlanner.js';
import { executeQueryPlan } from './executeQueryPlan.js';
import { readPlannerMetadata } from './readPlannerMetadata.js';

/** Executes an operation with a cached plan; undefined when the operation is outside the planner's subset. */
export type PlanExecutor = (args: ExecutionArgs) => Promise<ExecutionResult> | undefined;

// Keyed by the executable schema, so a reloaded supergraph or a per-caller contract schema never uses another's plans.
const registry = new WeakMap<GraphQLSchema, PlanExecutor>();

export function registerPlanExecutor(schema: GraphQLSchema, executor: PlanExecutor): void {
  registry.set(schema, executor);
}

export function getPlanExecutor(schema: GraphQLSchema): PlanExecutor | undefined {
  return registry.get(schema);
}

/** `executors`: the per-subgraph executors by join__Graph value (the same ones stitching calls). */
export function createPlanExecutor(
  supergraphSchema: GraphQLSchema,
  publicSchema: GraphQLSchema,
  supergraph: DocumentNode,
  executors: ReadonlyMap<string, Executor>,
): PlanExecutor {
  const planner = createQueryPlanner(supergraphSchema, publicSchema, readPlannerMetadata(supergraph));
  return (args) => {
    const plan = planner.planFor(args.document, args.operationName);
    if (!plan) return undefined;
    return executeQueryPlan({
      plan,
      executors,
      variables: args.variableValues ?? undefined,
      context: args.contextValue,
    });
  };
}
