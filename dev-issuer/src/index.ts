export { createDevIssuer, requestClientCredentialsToken } from './createDevIssuer.js';
export type {
  ClientCredentialsRequest,
  DevIssuer,
  DevIssuerOptions,
  IssueTokenOptions,
  SigningAlgorithm,
} from './createDevIssuer.js';
export { readDevClientRegistry, type DevClientRegistry } from './devClients.js';
