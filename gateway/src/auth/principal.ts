/** A caller whose bearer token was verified and whose client is in the partner registry. */
export interface ClientPrincipal {
  kind: 'client';
  /** The OAuth2 client (`azp`), the registry key. */
  clientId: string;
  /** The token's `sub` (Keycloak: the service account's user id). */
  subject: string;
  agency: { name: string; code: string };
  /**
   * Effective scopes: the token's `scope`, realm roles and gateway-client roles, intersected with the scopes the
   * registry grants this client (a token can never carry more than the registry allows).
   */
  scopes: ReadonlySet<string>;
  /** Purpose codes this client may declare (registry). */
  purposesAllowed: readonly string[];
  /** Whether the registry lets this client read unmasked personal data at all. */
  personalData: boolean;
  /** Whether introspection (of its own contract) is open to it. */
  introspection: boolean;
  /** `refuse` the whole operation, or `remove` unauthorized fields with one error each. */
  onUnauthorizedFields: 'refuse' | 'remove';
  /** `any` operation or only `trusted` documents. */
  operations: 'any' | 'trusted';
  /** The token's `jti`, for the audit trail. */
  tokenId?: string;
  /** The token's `exp`, in seconds since the epoch. */
  expiresAt: number;
}

/** A caller without a token, allowed only in `optional` mode: it sees the open-data contract. */
export interface AnonymousPrincipal {
  kind: 'anonymous';
}

export type Principal = ClientPrincipal | AnonymousPrincipal;

export const ANONYMOUS: AnonymousPrincipal = Object.freeze({ kind: 'anonymous' });

/** The scopes a principal holds; the anonymous caller holds none. */
export function scopesOf(principal: Principal): ReadonlySet<string> {
  return principal.kind === 'client' ? principal.scopes : new Set();
}
