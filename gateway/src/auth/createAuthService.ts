import { readFile } from 'node:fs/promises';
import type { JsonWebKey } from 'node:crypto';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { JWTVerifyGetKey } from 'jose';
import { httpStatusOf } from '@lgsp/schema';
import { createAccessRules, type AccessContext } from './accessRules.js';
import type { AuthConfig } from './authConfig.js';
import { collectAuthRequirements, type AuthRequirements } from './authRequirements.js';
import { authorizeOperation } from './authorizeOperation.js';
import { buildContractSchema, contractKey } from './contractSchema.js';
import { extractBearer } from './extractBearer.js';
import { maskResult } from './maskResult.js';
import {
  createPartnerRegistryStore,
  type PartnerClient,
  type PartnerRegistry,
  type PartnerRegistryError,
} from './partnerRegistry.js';
import { ANONYMOUS } from './principal.js';
import { refusalError, removeDeniedFields } from './refusals.js';
import { resolvePurpose } from './resolvePurpose.js';
import { createSubgraphAssertionSigner } from './subgraphAssertion.js';
import { isTokenError, TokenError, wwwAuthenticate } from './tokenError.js';
import { createTokenVerifier } from './verifyToken.js';

export interface AuthServiceOptions {
  /** The parsed `auth` section of the gateway config. */
  config: AuthConfig;
  /** The supergraph whose directives hold the rules; replace it with `updateSupergraph` on reload. */
  supergraphSdl: string;
  /** Key source for tests (jose `createLocalJWKSet`); default: discovery and remote JWKS. */
  keys?: JWTVerifyGetKey;
  onRegistryReload?: (registry: PartnerRegistry) => void;
  onRegistryError?: (error: PartnerRegistryError) => void;
}

/** The outcome of authenticating one HTTP request. */
export type AuthenticationResult =
  | { ok: true; context: AccessContext }
  | { ok: false; status: number; headers: Record<string, string>; error: GraphQLError };

/** What to do with one operation: run it as is, run it without some fields, or refuse it. */
export type AuthorizationDecision =
  | { kind: 'allow'; document: DocumentNode; coordinates: string[]; personalData: string[] }
  | {
      kind: 'remove';
      document: DocumentNode;
      errors: GraphQLError[];
      coordinates: string[];
      personalData: string[];
    }
  | { kind: 'refuse'; status: number; errors: GraphQLError[]; coordinates: string[]; personalData: string[] };

export interface AuthService {
  readonly mode: AuthConfig['mode'];
  /** Token (header only) → principal → purpose. Never throws for a bad request; says how to answer it. */
  authenticate(request: Request): Promise<AuthenticationResult>;
  /** Decides an operation before any subgraph is called. */
  authorize(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    context: AccessContext,
  ): AuthorizationDecision;
  /** The schema this context may see (introspection, GraphiQL, validation of its SDK); cached. */
  contract(schema: GraphQLSchema, context: AccessContext): GraphQLSchema;
  /** Masks personal data of a result in place unless the context may unmask; returns the coordinates masked. */
  mask(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    data: Record<string, unknown> | null | undefined,
    context: AccessContext,
  ): string[];
  /** The `x-lgsp-gateway-assertion` value for a call to `subgraph`; undefined when assertions are disabled. */
  assertion(context: AccessContext, subgraph: string, requestId?: string): string | undefined;
  /** The gateway's public assertion keys, for the subgraphs. */
  readonly assertionKeys: { keys: JsonWebKey[] };
  /**
   * A client's `quota` in the partner registry as it is now (a reload applies at once); undefined when the client
   * is unknown or has none. The limits resolve it under `limits.clients` and over `limits.defaults`.
   */
  quota(clientId: string): PartnerClient['quota'];
  updateSupergraph(supergraphSdl: string): void;
  close(): void;
}

/** Upper bound of cached contract schemas (each distinct scope set × agency × purpose is one). */
const CONTRACT_CACHE_SIZE = 256;

function unauthenticated(error: TokenError, realm: string): AuthenticationResult {
  const status = httpStatusOf[error.code];
  const headers: Record<string, string> =
    status === 401 ? { 'www-authenticate': wwwAuthenticate(error, realm) } : {};
  // The message and reason say which check failed; never anything from the token itself.
  const graphqlError = new GraphQLError(error.message, {
    extensions: { code: error.code, reason: error.reason },
  });
  return { ok: false, status, headers, error: graphqlError };
}

/**
 * Everything the gateway's auth plugins need, built from the `auth` config: one object so that the plugins stay
 * small and the order of checks lives in one place (DESIGN.md §3).
 */
export async function createAuthService(options: AuthServiceOptions): Promise<AuthService> {
  const { config } = options;
  const registry = await createPartnerRegistryStore({
    file: config.registryFile,
    watch: config.watchRegistry,
    ...(options.onRegistryReload ? { onReload: options.onRegistryReload } : {}),
    ...(options.onRegistryError ? { onReloadError: options.onRegistryError } : {}),
  });
  const rules = createAccessRules(config.rules);
  let requirements: AuthRequirements = collectAuthRequirements(options.supergraphSdl);
  let contracts = new WeakMap<GraphQLSchema, Map<string, GraphQLSchema>>();
  const verifier =
    config.mode === 'off'
      ? undefined
      : createTokenVerifier({
          issuer: config.issuer!,
          audience: config.audience,
          client: (clientId) => registry.client(clientId),
          ...(options.keys ? { keys: options.keys } : {}),
          ...(config.jwksUri ? { jwksUri: config.jwksUri } : {}),
          ...(config.algorithms ? { algorithms: config.algorithms } : {}),
          ...(config.rolesClientId ? { rolesClientId: config.rolesClientId } : {}),
          clockToleranceSeconds: config.clockToleranceSeconds,
          maxTokenBytes: config.maxTokenBytes,
          jwksCooldownMs: config.jwksCooldownMs,
          jwksTimeoutMs: config.jwksTimeoutMs,
        });
  const assertionConfig = config.subgraphAssertion;
  const signer = createSubgraphAssertionSigner({
    issuer: assertionConfig.issuer,
    ttlSeconds: assertionConfig.ttlSeconds,
    ...(assertionConfig.privateKeyFile
      ? { privateJwk: JSON.parse(await readFile(assertionConfig.privateKeyFile, 'utf8')) as JsonWebKey }
      : {}),
  });

  return {
    mode: config.mode,
    assertionKeys: signer.publicJwks,
    async authenticate(request) {
      if (verifier === undefined) return { ok: true, context: { principal: ANONYMOUS } };
      try {
        const token = extractBearer(request);
        if (token === undefined && config.mode === 'required') throw new TokenError('TOKEN_MISSING');
        const principal = token === undefined ? ANONYMOUS : await verifier.verify(token);
        const purpose = resolvePurpose(principal, request.headers, registry.current());
        if (!purpose.ok) return { ok: false, status: 403, headers: {}, error: refusalError(purpose.denial) };
        const { ok: _ok, ...declared } = purpose;
        return { ok: true, context: { principal, ...declared } };
      } catch (error) {
        if (isTokenError(error)) return unauthenticated(error, config.realm);
        throw error;
      }
    },
    authorize(schema, document, operationName, context) {
      if (config.mode === 'off') return { kind: 'allow', document, coordinates: [], personalData: [] };
      const result = authorizeOperation({ schema, requirements, rules, document, operationName, context });
      const audit = { coordinates: result.coordinates, personalData: result.personalData };
      if (result.denials.length === 0) return { kind: 'allow', document, ...audit };
      const errors = result.denials.map(refusalError);
      const { principal } = context;
      if (principal.kind === 'client' && principal.onUnauthorizedFields === 'remove') {
        return { kind: 'remove', document: removeDeniedFields(document, result.denials), errors, ...audit };
      }
      const status = result.denials.some((denial) => denial.code === 'UNAUTHENTICATED') ? 401 : 403;
      return { kind: 'refuse', status, errors, ...audit };
    },
    contract(schema, context) {
      if (config.mode === 'off') return schema;
      let bySchema = contracts.get(schema);
      if (bySchema === undefined) contracts.set(schema, (bySchema = new Map()));
      const key = contractKey(context);
      let contract = bySchema.get(key);
      if (contract === undefined) {
        contract = buildContractSchema({ schema, requirements, rules, context });
        if (bySchema.size >= CONTRACT_CACHE_SIZE) bySchema.delete(bySchema.keys().next().value!);
        bySchema.set(key, contract);
      }
      return contract;
    },
    mask(schema, document, operationName, data, context) {
      if (config.mode === 'off' || rules.canUnmask(context)) return [];
      return maskResult({ schema, requirements, document, operationName, data }).masked;
    },
    assertion(context, subgraph, requestId) {
      return assertionConfig.enabled ? signer.sign(context, subgraph, requestId) : undefined;
    },
    updateSupergraph(supergraphSdl) {
      requirements = collectAuthRequirements(supergraphSdl);
      contracts = new WeakMap();
    },
    quota: (clientId) => registry.client(clientId)?.quota,
    close: () => registry.close(),
  };
}
