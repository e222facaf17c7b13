import { createHash } from 'node:crypto';
import { type DbOrTx, sql, type Tx } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import { newVerificationCode, normalizeVerificationCode } from './codes.js';
import { loadSigningKeys, type SigningKeyConfig, type SigningKeys } from './keys.js';
import { buildDocument } from './render.js';
import { type SignatureDetails, signDocument } from './sign.js';
import { buildPublicSummary, type PublicSummary } from './summary.js';
import type { DocumentSpec } from './types.js';

/**
 * The register of issued documents (sổ theo dõi văn bản đã cấp): issuing renders, signs and
 * records a document in the caller's transaction; anyone holding the code (or the file) can
 * check it; staff can revoke it.
 */
export interface DocumentSignerConfig extends SigningKeyConfig {
  /** The public address of the portal, without trailing slash; QR codes point under it. */
  publicUrl: string;
}

export interface DocumentSigner {
  publicUrl: string;
  keys: SigningKeys;
}

/** Loads (or on first use generates) the issuing key; create once at start and share. */
export async function createDocumentSigner(config: DocumentSignerConfig): Promise<DocumentSigner> {
  return { publicUrl: config.publicUrl.replace(/\/+$/, ''), keys: await loadSigningKeys(config) };
}

export const verificationUrl = (publicUrl: string, code: string) =>
  `${publicUrl.replace(/\/+$/, '')}/xac-minh/${code}`;

export interface IssueSpec {
  /** Stable machine name, e.g. 'civil-status.birth-certificate'. */
  docType: string;
  issuerUnitId: string;
  /** The user (or system actor) issuing it. */
  issuedBy: string;
  document: DocumentSpec;
  /** Signature dictionary entries; defaults: "Cấp <title>", the place, the signer's name. */
  signing?: Partial<Omit<SignatureDetails, 'signingTime'>>;
}

export interface IssuedDocument {
  code: string;
  pdf: Uint8Array;
  sha256: string;
  issuedAt: Date;
}

export interface VerificationResult {
  code: string;
  status: 'genuine' | 'revoked';
  docType: string;
  title: string;
  issuerUnitId: string;
  issuedAt: Date;
  revokedAt?: Date;
  revokeReason?: string;
  publicSummary: PublicSummary;
}

export interface Revocation {
  code: string;
  revokedAt: Date;
  revokedBy: string;
  reason: string;
  /** True when this call repeated an identical earlier revocation. */
  alreadyRevoked: boolean;
}

interface Row {
  code: string;
  doc_type: string;
  title: string;
  issuer_unit_id: string;
  issued_at: Date;
  public_summary: PublicSummary | string;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

const DOC_TYPE = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;
const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Renders, signs and registers a document. The register row is written in `tx`, so it
 * commits or rolls back with the caller's business change (e.g. the birth registration).
 */
export async function issueDocument(
  tx: Tx,
  signer: DocumentSigner,
  spec: IssueSpec,
): Promise<IssuedDocument> {
  if (!DOC_TYPE.test(spec.docType ?? '') || spec.docType.length > 100) {
    throw new AppError('VALIDATION', t('Loại văn bản không hợp lệ', 'Invalid document type'), {
      docType: spec.docType,
    });
  }
  if (!spec.issuedBy?.trim()) {
    throw new AppError('VALIDATION', t('Thiếu người cấp văn bản', 'The issuing user is missing'));
  }
  const unit = await sql<{ id: string }>`
    select id from platform.admin_units where id = ${spec.issuerUnitId ?? ''}`.execute(tx);
  if (!unit.rows[0]) {
    throw new AppError(
      'VALIDATION',
      t('Đơn vị cấp văn bản không tồn tại', 'The issuing unit does not exist'),
      {
        issuerUnitId: spec.issuerUnitId,
      },
    );
  }
  const document: DocumentSpec = { ...spec.document, docType: spec.document.docType ?? spec.docType };
  const summary = buildPublicSummary(document);
  const issuedAt = new Date();
  const details: SignatureDetails = {
    reason: spec.signing?.reason ?? `Cấp ${document.title.normalize('NFC')}`,
    location: spec.signing?.location ?? document.placeDate.place,
    name: spec.signing?.name ?? document.signature.name,
    contactInfo: spec.signing?.contactInfo,
    signingTime: issuedAt,
  };
  // A code collision is astronomically rare; if it happens, the document is drawn again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = newVerificationCode();
    const doc = await buildDocument(document, {
      verification: { code, url: verificationUrl(signer.publicUrl, code) },
      digitallySigned: true,
      at: issuedAt,
    });
    const pdf = await signDocument(doc, signer.keys, details);
    const sha256 = sha256Hex(pdf);
    const inserted = await sql<{ code: string }>`
      insert into platform.issued_documents
        (code, doc_type, title, issuer_unit_id, issued_by, issued_at, sha256, public_summary)
      values (${code}, ${spec.docType}, ${document.title.normalize('NFC')}, ${spec.issuerUnitId}, ${spec.issuedBy},
              ${issuedAt}, ${sha256}, ${JSON.stringify(summary)}::jsonb)
      on conflict (code) do nothing
      returning code`.execute(tx);
    if (inserted.rows[0]) return { code, pdf, sha256, issuedAt };
  }
  throw new AppError('INTERNAL', t('Không cấp được mã xác minh', 'Could not allocate a verification code'));
}

function toResult(row: Row): VerificationResult {
  const summary =
    typeof row.public_summary === 'string' ? JSON.parse(row.public_summary) : row.public_summary;
  const result: VerificationResult = {
    code: row.code,
    status: row.revoked_at ? 'revoked' : 'genuine',
    docType: row.doc_type,
    title: row.title,
    issuerUnitId: row.issuer_unit_id,
    issuedAt: new Date(row.issued_at),
    publicSummary: summary,
  };
  if (row.revoked_at) {
    result.revokedAt = new Date(row.revoked_at);
    result.revokeReason = row.revoke_reason ?? undefined;
  }
  return result;
}

const COLUMNS = sql`code, doc_type, title, issuer_unit_id, issued_at, public_summary, revoked_at, revoked_by, revoke_reason`;

/**
 * What anyone holding the code may learn: whether the document is genuine or revoked, and
 * what it shows (names masked). Null for an unknown or malformed code.
 */
export async function verifyDocumentCode(db: DbOrTx, code: string): Promise<VerificationResult | null> {
  const normalized = normalizeVerificationCode(code);
  if (!normalized) return null;
  const r =
    await sql<Row>`select ${COLUMNS} from platform.issued_documents where code = ${normalized}`.execute(db);
  return r.rows[0] ? toResult(r.rows[0]) : null;
}

/** Whether these exact bytes are a file the platform issued (any change gives null). */
export async function verifyPdfBytes(db: DbOrTx, bytes: Uint8Array): Promise<VerificationResult | null> {
  const r = await sql<Row>`
    select ${COLUMNS} from platform.issued_documents where sha256 = ${sha256Hex(bytes)}`.execute(db);
  return r.rows[0] ? toResult(r.rows[0]) : null;
}

/**
 * Revokes (thu hồi) an issued document. Repeating the same revocation is harmless; revoking
 * an already revoked document for another reason or by another user is refused.
 * The reason is shown to whoever verifies the code: it must not contain personal data.
 */
export async function revokeDocument(tx: Tx, code: string, by: string, reason: string): Promise<Revocation> {
  const normalized = normalizeVerificationCode(code);
  const why = (reason ?? '').normalize('NFC').trim();
  if (!by?.trim()) throw new AppError('VALIDATION', t('Thiếu người thu hồi', 'The revoking user is missing'));
  if (!why || why.length > 500) {
    throw new AppError(
      'VALIDATION',
      t('Lý do thu hồi phải có, tối đa 500 ký tự', 'A reason (up to 500 characters) is required'),
    );
  }
  const shown = normalized ?? String(code ?? '').slice(0, 24);
  const notFound = () =>
    new AppError(
      'NOT_FOUND',
      t(
        `Không có văn bản nào mang mã xác minh ${shown}`,
        `No issued document has verification code ${shown}`,
      ),
    );
  if (!normalized) throw notFound();
  const updated = await sql<Row>`
    update platform.issued_documents
       set revoked_at = now(), revoked_by = ${by}, revoke_reason = ${why}
     where code = ${normalized} and revoked_at is null
    returning ${COLUMNS}`.execute(tx);
  if (updated.rows[0]) {
    const row = updated.rows[0];
    return {
      code: normalized,
      revokedAt: new Date(row.revoked_at!),
      revokedBy: by,
      reason: why,
      alreadyRevoked: false,
    };
  }
  const current = await sql<Row>`
    select ${COLUMNS} from platform.issued_documents where code = ${normalized}`.execute(tx);
  const row = current.rows[0];
  if (!row) throw notFound();
  if (row.revoked_by === by && row.revoke_reason === why) {
    return {
      code: normalized,
      revokedAt: new Date(row.revoked_at!),
      revokedBy: by,
      reason: why,
      alreadyRevoked: true,
    };
  }
  throw new AppError(
    'INVALID_STATE',
    t(
      `Văn bản mã ${normalized} đã bị thu hồi từ trước`,
      `The document with code ${normalized} was already revoked`,
    ),
    { state: 'revoked', revokedAt: new Date(row.revoked_at!).toISOString(), allowedActions: [] },
  );
}
