import { randomUUID } from 'node:crypto';
import type { AuditTrailApi } from './auditTrailTypes.js';

/** `audit.enabled: false`: the same API, storing nothing and gating nothing, so the gateway needs no branch. */
export function createDisabledAuditTrail(): AuditTrailApi {
  let appended = 0;
  return {
    async start() {},
    append() {
      appended += 1;
      return randomUUID();
    },
    health: () => ({ state: 'ok', personalDataAllowed: true, reason: 'audit disabled' }),
    stats: () => ({ appended, written: 0, delivered: 0, dropped: appended, queued: 0, spoolBytes: 0 }),
    async flush() {},
    async close() {},
  };
}
