import type { GatewayPlugin } from '../gatewayContext.js';
import { getPlanExecutor } from './planExecutorRegistry.js';

/**
 * Executes operations with the query planner when the request's schema was built with `planner: true`
 * (buildExecutableSupergraph) and the operation is inside the planner's subset; stitching executes the rest.
 * Place it after authorization, so refusals still stop execution before any subgraph is called.
 */
export function usePlannedExecution(): GatewayPlugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const run = getPlanExecutor(args.schema);
      if (!run) return;
      setExecuteFn((executionArgs) => run(executionArgs) ?? executeFn(executionArgs));
    },
  };
}
