import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../db/database.js';
import { appendAudit } from './audit-log.js';

/**
 * Records a read of personal data with its purpose (NĐ 13/2023 Đ38.2; Luật 91/2025: processing
 * logs). The purpose comes from the caller's `x-purpose` header (URL-encoded text) when given,
 * otherwise from the route's own stated purpose.
 */
export function purposeOf(req: FastifyRequest, fallback: string): string {
  const h = req.headers['x-purpose'];
  if (typeof h === 'string' && h.length > 0 && h.length <= 300) {
    try {
      return decodeURIComponent(h);
    } catch {
      return fallback;
    }
  }
  return fallback;
}

export async function auditPersonalDataRead(
  db: DbOrTx,
  req: FastifyRequest,
  what: {
    action: string;
    objectType: string;
    objectId?: string | null;
    unitId?: string | null;
    purpose: string;
    details?: Record<string, unknown>;
  },
) {
  await appendAudit(db, {
    actorId: req.principal?.userId ?? null,
    actorKind: req.principal?.kind ?? 'anonymous',
    unitId: what.unitId ?? null,
    action: what.action,
    objectType: what.objectType,
    objectId: what.objectId ?? null,
    purpose: purposeOf(req, what.purpose),
    requestId: req.id,
    ip: req.ip,
    personalData: true,
    details: what.details ?? null,
  });
}
