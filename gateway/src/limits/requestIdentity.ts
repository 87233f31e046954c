import { accessContextOf, getAccessRecord } from '../accessRecord.js';
import { contractKey } from '../auth/contractSchema.js';

/** Who a request is, as far as limits and the cache care. */
export interface RequestIdentity {
  /** Quota key: the client id (`azp`), `anonymous` (auth optional), or `anonymous` with auth off. */
  clientId: string;
  /** Whether a registered client sent it (quotas apply to clients; anonymous callers share one bucket). */
  kind: 'client' | 'anonymous' | 'unauthenticated';
  /**
   * Everything that changes an answer for this caller: its contract (scopes, agency, purpose), whether personal
   * data may be unmasked for it, and how refused fields are handled. Two callers share cached answers only when
   * this string is equal.
   */
  partition: string;
  /** The trusted-documents rule of its registry entry (`any` without auth). */
  operations: 'any' | 'trusted';
}

/** Reads the identity that useAuthentication recorded; without auth (`auth.mode: off`) everyone is one anonymous caller. */
export function identityOf(request: Request): RequestIdentity {
  const record = getAccessRecord(request);
  if (record === undefined)
    return { clientId: 'anonymous', kind: 'anonymous', partition: 'auth-off', operations: 'any' };
  const access = accessContextOf(request);
  if (record.state !== 'authenticated' || access === undefined)
    return {
      clientId: 'unauthenticated',
      kind: 'unauthenticated',
      partition: 'unauthenticated',
      operations: 'trusted',
    };
  const { principal } = access;
  if (principal.kind !== 'client')
    return { clientId: 'anonymous', kind: 'anonymous', partition: contractKey(access), operations: 'any' };
  const unmask =
    principal.personalData &&
    principal.scopes.has('pii:read') &&
    access.purpose !== undefined &&
    principal.purposesAllowed.includes(access.purpose);
  return {
    clientId: principal.clientId,
    kind: 'client',
    partition: JSON.stringify([contractKey(access), unmask, principal.onUnauthorizedFields]),
    operations: principal.operations,
  };
}
