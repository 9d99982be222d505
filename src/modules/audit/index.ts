export { createAuditTrail, type AuditTrail, type AuditRecord } from './audit-service.ts';
export type { AuditEvent, ChainVerdict } from './audit-model.ts';
