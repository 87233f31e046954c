export { authConfigSchema, type AuthConfig, type AuthConfigInput } from './authConfig.js';
export {
  createAccessRules,
  defaultPolicy,
  DECREE_194_ART_16,
  PDPL_91_2025,
  PII_SCOPE,
  type AccessContext,
  type AccessRules,
  type AccessRulesOptions,
  type Denial,
  type RuleText,
} from './accessRules.js';
export { collectAuthRequirements, type AuthClause, type AuthRequirements } from './authRequirements.js';
export {
  authorizeOperation,
  FEDERATION_INTERNAL_FIELDS,
  type AuthorizationResult,
  type AuthorizeOperationInput,
  type FieldDenial,
} from './authorizeOperation.js';
export {
  createAuthService,
  type AuthenticationResult,
  type AuthorizationDecision,
  type AuthService,
  type AuthServiceOptions,
} from './createAuthService.js';
export { buildContractSchema, contractKey, type ContractInput } from './contractSchema.js';
export { extractBearer } from './extractBearer.js';
export { maskValue } from './masking.js';
export { maskResult, type MaskResultInput, type MaskResultOutput } from './maskResult.js';
export {
  createPartnerRegistryStore,
  KNOWN_SCOPES,
  loadPartnerRegistry,
  parsePartnerRegistry,
  PartnerRegistryError,
  type PartnerClient,
  type PartnerRegistry,
  type PartnerRegistryStore,
  type PartnerRegistryStoreOptions,
} from './partnerRegistry.js';
export {
  ANONYMOUS,
  scopesOf,
  type AnonymousPrincipal,
  type ClientPrincipal,
  type Principal,
} from './principal.js';
export { refusalError, REMOVED_FIELDS_PLACEHOLDER, removeDeniedFields } from './refusals.js';
export { CASE_ID_HEADER, PURPOSE_HEADER, resolvePurpose, type PurposeResult } from './resolvePurpose.js';
export {
  createSubgraphAssertionSigner,
  GATEWAY_ASSERTION_HEADER,
  generateAssertionKeyPair,
  type SubgraphAssertionSigner,
  type SubgraphAssertionSignerOptions,
} from './subgraphAssertion.js';
export {
  isTokenError,
  TokenError,
  TokenFailure,
  wwwAuthenticate,
  type TokenFailureReason,
} from './tokenError.js';
export {
  ASYMMETRIC_ALGORITHMS,
  createTokenVerifier,
  type TokenVerifier,
  type TokenVerifierOptions,
} from './verifyToken.js';
