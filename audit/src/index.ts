export * from './auditRecord.js';
export { canonicalJson, sha256Hex } from './canonicalJson.js';
export {
  createKeyedHasher,
  decodeKey,
  loadOrCreateKeyFile,
  normalizeIdentifier,
  KEYED_HASH_PREFIX,
  type KeyedHasher,
} from './keyedHasher.js';
export {
  chainRecord,
  chainBatch,
  recordHash,
  parseRecordLine,
  emptyChainHead,
  type ChainHead,
} from './chain.js';
export { createChainVerifier, type ChainBreak, type VerifyResult } from './chainVerifier.js';
export { buildRecordBody, keyedHashesOf } from './buildRecordBody.js';
export type { AuditSink, RetentionPlan } from './auditSink.js';
export { createFileSink, listAuditFiles, type FileSinkOptions } from './fileSink.js';
export { createPostgresSink, type PostgresSinkOptions } from './postgresSink.js';
export { createSpool, SpoolFullError, type Spool, type SpoolOptions } from './spool.js';
export {
  createAuditTrail,
  touchesPersonalData,
  type AuditTrailApi,
  type AuditTrail,
  type AuditTrailOptions,
  type AuditHealth,
  type AuditStats,
} from './auditTrail.js';
export {
  applyRetention,
  scheduleRetention,
  type RetentionOptions,
  type RetentionResult,
} from './retention.js';
export { matchesQuery, type AuditQuery } from './auditQuery.js';
export { createFileSource, createPostgresSource, type AuditSource } from './auditSource.js';
export { verifySource, exportRange, verifyExport, type AuditExport } from './auditTools.js';
export {
  auditConfigSchema,
  openAuditTrail,
  type AuditConfig,
  type AuditConfigInput,
  type OpenedAuditTrail,
} from './auditConfig.js';
export { outcomeOf, refusalErrorCodes } from './outcomeOf.js';
export { createThreadedAuditTrail } from './threadedAuditTrail.js';
export { openInProcessAuditTrail, loadAuditKey } from './openInProcessAuditTrail.js';
export { openAuditReader } from './openAuditReader.js';
export { createDisabledAuditTrail } from './disabledAuditTrail.js';
export {
  auditInputFromAccess,
  readsPersonalData,
  type AccessFacts,
  type ExecutionFacts,
} from './auditInputFromAccess.js';
