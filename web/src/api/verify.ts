import { api, segment } from './client.js';

/**
 * What the paper shows publicly (server PublicSummary): names and ID numbers arrive
 * already masked. No schema in contracts yet, so every part is treated as optional.
 */
export interface PublicSummary {
  issuer?: string;
  numberLines?: string[];
  title?: string;
  fields?: Array<{ label: string; value: string }>;
  placeDate?: string;
  signedBy?: { onBehalf?: string; post?: string; name?: string };
}

/** Public answer of GET /api/verify/:code. */
export interface VerifyResult {
  code?: string;
  status: 'genuine' | 'revoked';
  docType: string;
  title: string;
  issuerUnitId: string;
  issuerName?: string;
  issuedAt: string;
  revokedAt?: string;
  revokeReason?: string;
  publicSummary: PublicSummary | Record<string, unknown>;
}

export function verifyDocument(code: string, signal?: AbortSignal): Promise<VerifyResult> {
  return api.get<VerifyResult>(`/api/verify/${segment(code)}`, { signal });
}

/** "7KQ27MX9HTB4" → "7KQ2-7MX9-HTB4", as printed beside the QR code. */
export function formatVerificationCode(code: string): string {
  const compact = code.toUpperCase().replace(/[\s-]/g, '');
  return compact.match(/.{1,4}/g)?.join('-') ?? code;
}
