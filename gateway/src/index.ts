export { ConfigError, gatewayConfigSchema, loadConfig, parseConfig } from './config.js';
export type { GatewayConfig, GatewayConfigInput, LoadConfigOptions } from './config.js';
export { createGateway } from './createGateway.js';
export type { Gateway, GatewayDependencies, GatewayPlugin } from './createGateway.js';
export { createLogger } from './createLogger.js';
export type { GatewayContext } from './gatewayContext.js';
export { startGateway } from './startGateway.js';
export type { RunningGateway, StartGatewayOptions } from './startGateway.js';
export { createSupergraphManager } from './supergraph/createSupergraphManager.js';
export type { SupergraphManager } from './supergraph/createSupergraphManager.js';
export type { ExecutableSupergraph, SubgraphInfo } from './execution/buildExecutableSupergraph.js';
export { createGatewayAuth } from './createGatewayAuth.js';
export { writeAssertionKeys, type AssertionKeyFiles } from './writeAssertionKeys.js';
export { getAccessRecord } from './accessRecord.js';
export type { AccessRecord, OperationAccess, Refusal } from './accessRecord.js';
export {
  authConfigSchema,
  createAuthService,
  generateAssertionKeyPair,
  GATEWAY_ASSERTION_HEADER,
} from './auth/index.js';
export type { AuthConfig, AuthConfigInput, AuthService } from './auth/index.js';
export * from './limits/index.js';
export type { SupergraphManagerOptions } from './supergraph/createSupergraphManager.js';
