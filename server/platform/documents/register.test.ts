import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db.js';
import { type Database, sql } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import {
  createDocumentSigner,
  type DocumentSigner,
  type IssueSpec,
  issueDocument,
  revokeDocument,
  verifyDocumentCode,
  verifyPdfBytes,
} from './index.js';
import { sampleBirthCertificate } from './sample.js';
import { signatureEntries } from './test-support.js';

let database: Database;
let signer: DocumentSigner;
let dataDir: string;
const UNIT = 't-tien-du';

const spec = (over: Partial<IssueSpec> = {}): IssueSpec => ({
  docType: 'civil-status.birth-certificate',
  issuerUnitId: UNIT,
  issuedBy: 'officer-1',
  document: sampleBirthCertificate(),
  ...over,
});

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-register-'));
  signer = await createDocumentSigner({ dataDir, publicUrl: 'https://tuphap.example.vn/' });
  await sql`
    insert into platform.admin_units (id, code, level, type, name, full_name, path, province_code)
    values (${UNIT}, '99999', 'commune', 'Xã', 'Tiên Du', 'Xã Tiên Du', '/VN/24/99999', '24')`.execute(
    database.db,
  );
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('issued-document register', () => {
  it('issues, verifies, revokes and verifies again', async () => {
    const issued = await database.db.transaction().execute((tx) => issueDocument(tx, signer, spec()));
    expect(issued.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
    expect(issued.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(signatureEntries(issued.pdf).byteRange).toHaveLength(4);

    const genuine = await verifyDocumentCode(
      database.db,
      issued.code.toLowerCase().replace(/(.{4})/g, '$1-'),
    );
    expect(genuine).toMatchObject({
      code: issued.code,
      status: 'genuine',
      docType: 'civil-status.birth-certificate',
      title: 'Giấy khai sinh',
      issuerUnitId: UNIT,
    });
    expect(genuine!.issuedAt.getTime()).toBe(issued.issuedAt.getTime());
    expect(genuine!.revokedAt).toBeUndefined();

    const byFile = await verifyPdfBytes(database.db, issued.pdf);
    expect(byFile?.code).toBe(issued.code);

    const revocation = await database.db
      .transaction()
      .execute((tx) => revokeDocument(tx, issued.code, 'officer-2', 'Cấp nhầm, đã cấp lại'));
    expect(revocation).toMatchObject({
      code: issued.code,
      alreadyRevoked: false,
      reason: 'Cấp nhầm, đã cấp lại',
    });

    const revoked = await verifyDocumentCode(database.db, issued.code);
    expect(revoked).toMatchObject({ status: 'revoked', revokeReason: 'Cấp nhầm, đã cấp lại' });
    expect(revoked!.revokedAt).toBeInstanceOf(Date);
    expect((await verifyPdfBytes(database.db, issued.pdf))?.status).toBe('revoked');
  });

  it('answers only what the document shows, with names and identifiers masked', async () => {
    const issued = await database.db.transaction().execute((tx) => issueDocument(tx, signer, spec()));
    const result = await verifyDocumentCode(database.db, issued.code);
    const summary = result!.publicSummary;
    expect(summary.fields).toEqual([
      { label: 'Họ, chữ đệm, tên', value: 'N*** T*** H*** N*** Ý***' },
      { label: 'Số định danh cá nhân', value: '*********234' },
      { label: 'Nơi đăng ký khai sinh', value: 'Ủy ban nhân dân xã Tiên Du, tỉnh Bắc Ninh' },
      { label: 'Ngày, tháng, năm đăng ký', value: '23/11/2026' },
    ]);
    expect(summary.placeDate).toBe('Tiên Du, ngày 23 tháng 11 năm 2026');
    expect(summary.issuer).toBe('ỦY BAN NHÂN DÂN XÃ TIÊN DU');
    const json = JSON.stringify(result);
    for (const secret of [
      'HUỲNH NHƯ',
      '027326001234',
      'HUỲNH THỊ THÚY HẰNG',
      'NGUYỄN VĂN ĐỨC',
      '027095004321',
      'officer-1',
    ]) {
      expect(json).not.toContain(secret);
    }
  });

  it('gives null for unknown, malformed or altered input', async () => {
    expect(await verifyDocumentCode(database.db, '22222222222Z')).toBeNull();
    expect(await verifyDocumentCode(database.db, "x' or '1'='1")).toBeNull();
    const issued = await database.db.transaction().execute((tx) => issueDocument(tx, signer, spec()));
    const altered = Uint8Array.from(issued.pdf);
    altered[100] ^= 1;
    expect(await verifyPdfBytes(database.db, altered)).toBeNull();
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    let code = '';
    await expect(
      database.db.transaction().execute(async (tx) => {
        code = (await issueDocument(tx, signer, spec())).code;
        throw new Error('registration failed later');
      }),
    ).rejects.toThrow('registration failed later');
    expect(code).not.toBe('');
    expect(await verifyDocumentCode(database.db, code)).toBeNull();
  });

  it('refuses an unknown issuing unit or a bad document type', async () => {
    const run = (over: Partial<IssueSpec>) =>
      database.db.transaction().execute((tx) => issueDocument(tx, signer, spec(over)));
    await expect(run({ issuerUnitId: 'nowhere' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(run({ docType: 'Birth Certificate!' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('makes revocation idempotent and explains refusals in both languages', async () => {
    const issued = await database.db.transaction().execute((tx) => issueDocument(tx, signer, spec()));
    const revoke = (by: string, reason: string, code = issued.code) =>
      database.db.transaction().execute((tx) => revokeDocument(tx, code, by, reason));

    const first = await revoke('officer-2', 'Sai thông tin');
    const again = await revoke('officer-2', 'Sai thông tin');
    expect(again).toMatchObject({ alreadyRevoked: true, revokedAt: first.revokedAt });

    const other = await revoke('officer-3', 'Lý do khác').catch((e) => e);
    expect(other).toBeInstanceOf(AppError);
    expect(other.code).toBe('INVALID_STATE');
    expect(other.localized('vi')).toContain('đã bị thu hồi');
    expect(other.localized('en')).toContain('already revoked');

    const unknown = await revoke('officer-2', 'Sai thông tin', '22222222222Z').catch((e) => e);
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.localized('vi')).toContain('mã xác minh');

    await expect(revoke('officer-2', '   ')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
