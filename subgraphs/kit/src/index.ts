export {
  createUpstreamClient,
  type UpstreamClient,
  type UpstreamClientOptions,
  type RequestOptions,
  type RawRequestOptions,
  type PostXmlOptions,
  type UpstreamResponse,
  type QueryValue,
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
