export { createClient, type ClientOptions, type LgspClient, type RequestOptions } from './createClient.js';
export {
  isLgspError,
  parseRetryAfter,
  type ClientErrorCode,
  type ForbiddenError,
  type GatewayErrorCode,
  type GraphQLErrorEntry,
  type LgspError,
  type LgspErrorCode,
  type OtherError,
  type RateLimitedError,
  type UnauthenticatedError,
  type UpstreamFailure,
} from './errors.js';
export type { ExecutionOutcome } from './parseResponse.js';
export {
  hashOf,
  operationNameOf,
  type DocumentMode,
  type OperationDocument,
  type ResultOf,
  type VariablesOf,
} from './operation.js';
export {
  createClientCredentialsProvider,
  type ClientCredentialsOptions,
  type GetToken,
  type TokenProvider,
} from './tokenProvider.js';
export type { AssertionAlgorithm, PrivateKeyJwt } from './clientAssertion.js';
