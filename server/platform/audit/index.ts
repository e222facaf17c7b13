export {
  type AuditEntry,
  type AuditRow,
  appendAudit,
  type ChainReport,
  canonicalJson,
  verifyAuditChain,
} from './audit-log.js';
export { auditPersonalDataRead, purposeOf } from './personal-data.js';
export { type AuditLater, auditedTransaction } from './audited-transaction.js';
