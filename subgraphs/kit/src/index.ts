export {
  createUpstreamClient,
  type UpstreamClient,
  type UpstreamClientOptions,
  type RequestOptions,
  type RawRequestOptions,
  type PostXmlOptions,
  type UpstreamResponse,
  type QueryValue,
  type UpstreamClientStats,
} from './upstream/createUpstreamClient.js';
export {
  UpstreamError,
  isUpstreamError,
  NotFound,
  isNotFound,
  orNull,
  type UpstreamErrorCode,
  type UpstreamFailureReason,
  type UpstreamErrorDetails,
} from './upstream/upstreamErrors.js';
export { upstreamDefaults } from './upstream/upstreamDefaults.js';
export {
  createCircuitBreaker,
  type CircuitBreaker,
  type CircuitBreakerOptions,
  type BreakerState,
} from './upstream/circuitBreaker.js';
export {
  createKeyedLoader,
  alignByKey,
  type KeyedBatchResult,
  type KeyedLoaderOptions,
} from './createKeyedLoader.js';
export {
  buildSoapEnvelope,
  parseSoapResponse,
  parseXml,
  callSoap,
  type SoapRequest,
  type ParseXmlOptions,
  type CallSoapOptions,
} from './soap.js';
export { parseDateVn } from './parseDateVn.js';
export { loadConfig, ConfigError, type LoadConfigOptions } from './loadConfig.js';
export {
  createSubgraphServer,
  type SubgraphServer,
  type SubgraphServerOptions,
  type SubgraphContext,
  type RequestInfo,
} from './server/createSubgraphServer.js';
export { createFormatError } from './server/formatSubgraphError.js';
export type { Principal, GatewayTrustOptions } from './server/gatewayPrincipal.js';
export { readGatewayTrust } from './server/readGatewayTrust.js';
export { resolveRequestId } from './server/requestId.js';
export { parseUpstreamPayload } from './parseUpstreamPayload.js';
export { createPubSub, type PubSub, type PubSubOptions } from './createPubSub.js';
export {
  createSubgraphMetrics,
  defaultSubgraphMetrics,
  type SubgraphMetrics,
  type SubgraphMetricsOptions,
  type UpstreamCallOutcome,
} from './metrics/subgraphMetrics.js';
export { currentRequestScope, type RequestScope } from './requestScope.js';
export { DateScalar, DateTimeScalar } from './headerScalars.js';
