export { ErrorCode, httpStatusOf, isErrorCode } from './errorCodes.js';
export { composeSupergraph, type CompositionResult, type SubgraphSource } from './composeSupergraph.js';
export {
  composeProvinceSupergraph,
  readProvinceSubgraphs,
  repositoryRoot,
  supergraphPath,
  type ProvinceSubgraphEntry,
} from './provinceSupergraph.js';
export * from './gatewayAssertion.js';
export * from './traceContext.js';
