import { z } from 'zod';
import { ASYMMETRIC_ALGORITHMS } from './verifyToken.js';

const ruleText = z.strictObject({
  reason: z.string().min(1).optional(),
  legalBasis: z.string().min(1).optional(),
});

/**
 * The gateway's `auth` config section. The gateway's config.ts embeds it (`auth: authConfigSchema`); every default
 * is here, next to its reason.
 */
export const authConfigSchema = z
  .strictObject({
    /**
     * `required`: every request needs a valid token (default). `optional`: anonymous callers get the open-data
     * contract. `off`: no authentication or authorization at all, for conformance suites and benchmarks only.
     */
    mode: z.enum(['required', 'optional', 'off']).default('required'),
    /** The trusted issuer (`iss`), e.g. `https://id.example.gov.vn/realms/lgsp`. Required unless mode is `off`. */
    issuer: z.url().optional(),
    /** The gateway's audience in tokens (Keycloak: the Audience mapper's client). Default: 'lgsp-gateway'. */
    audience: z.string().min(1).default('lgsp-gateway'),
    /** JWKS URL; default: from the issuer's OIDC discovery document. */
    jwksUri: z.url().optional(),
    /** The partner registry file. Default: 'config/partners.json'. */
    registryFile: z.string().min(1).default('config/partners.json'),
    /** Reload the registry when its file changes. Default: true. */
    watchRegistry: z.boolean().default(true),
    /** Accepted token algorithms, asymmetric only. Default: all asymmetric JWS algorithms. */
    algorithms: z.array(z.enum(ASYMMETRIC_ALGORITHMS)).min(1).optional(),
    /** Clock skew tolerated on exp/nbf. Default: 30 s. */
    clockToleranceSeconds: z.int().min(0).max(300).default(30),
    /** Longer tokens are refused unparsed. Default: 8192 bytes. */
    maxTokenBytes: z.int().min(512).max(65_536).default(8192),
    /** Minimum interval between JWKS refetches triggered by unknown kids. Default: 30000 ms. */
    jwksCooldownMs: z.int().min(0).default(30_000),
    /** JWKS and discovery request timeout. Default: 5000 ms. */
    jwksTimeoutMs: z.int().positive().default(5000),
    /** The client whose `resource_access` roles count as scopes. Default: the audience. */
    rolesClientId: z.string().min(1).optional(),
    /** Realm named in `WWW-Authenticate`. Default: 'lgsp'. */
    realm: z.string().min(1).default('lgsp'),
    /** Refusal texts per rule, overriding the defaults (Decree 194/2025 Art. 16; Law 91/2025/QH15 for pii:read). */
    rules: z
      .strictObject({
        scopes: z.record(z.string(), ruleText).default({}),
        policies: z.record(z.string(), ruleText).default({}),
        defaultLegalBasis: z.string().min(1).optional(),
        personalDataLegalBasis: z.string().min(1).optional(),
      })
      .default({ scopes: {}, policies: {} }),
    /** The principal forwarded to subgraphs, signed by the gateway. */
    subgraphAssertion: z
      .strictObject({
        /** Default: true. Turn off only where subgraphs do not verify it (conformance suites). */
        enabled: z.boolean().default(true),
        /**
         * File with the private Ed25519 JWK (`generateAssertionKeyPair`), shared by all replicas; the subgraphs get the
         * public half. Default: a key generated at start (one replica, tests).
         */
        privateKeyFile: z.string().min(1).optional(),
        /** Default: 'lgsp-gateway'. */
        issuer: z.string().min(1).default('lgsp-gateway'),
        /** Default: 60 s. */
        ttlSeconds: z.int().min(5).max(600).default(60),
      })
      .default({ enabled: true, issuer: 'lgsp-gateway', ttlSeconds: 60 }),
  })
  .refine((config) => config.mode === 'off' || config.issuer !== undefined, {
    path: ['issuer'],
    message: 'issuer is required unless mode is off',
    // Check this even when other fields are invalid, so the operator sees every problem at once.
    when: (payload) => {
      const value = payload.value as { mode?: unknown; issuer?: unknown } | undefined;
      return typeof value === 'object' && value !== null;
    },
  });

export type AuthConfig = z.infer<typeof authConfigSchema>;
export type AuthConfigInput = z.input<typeof authConfigSchema>;
