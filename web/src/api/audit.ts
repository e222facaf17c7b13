import { api } from './client.js';

/** One entry of the hash-chained audit log, as GET /api/audit returns it (newest first). */
export interface AuditRow {
  seq: string;
  at: string;
  actor_id: string | null;
  actor_kind: string | null;
  unit_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  purpose: string | null;
  request_id: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
  personal_data: boolean;
  prev_hash: string;
  hash: string;
}

export interface AuditFilter {
  unitId?: string;
  objectType?: string;
  objectId?: string;
  actorId?: string;
  action?: string;
}

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  total: number;
  firstBad?: { seq: string; reason: string };
}

/** Header that states why personal data is read; the server records it (URL-encoded text). */
export const PURPOSE_HEADER = 'x-purpose';

/**
 * Reading the log is itself audited as a personal-data read, so every request states its purpose.
 * Kept in Vietnamese whatever the interface language: it is what the record says.
 */
export const AUDIT_READ_PURPOSE = 'Tra cứu nhật ký kiểm toán';

export async function listAudit(
  filter: AuditFilter & { beforeSeq?: string; limit: number },
  signal?: AbortSignal,
): Promise<AuditRow[]> {
  const result = await api.get<{ items: AuditRow[] }>('/api/audit', {
    query: { ...filter },
    headers: { [PURPOSE_HEADER]: encodeURIComponent(AUDIT_READ_PURPOSE) },
    signal,
  });
  return result.items;
}

export function verifyAuditChain(): Promise<AuditChainReport> {
  return api.post<AuditChainReport>('/api/audit/verify');
}
