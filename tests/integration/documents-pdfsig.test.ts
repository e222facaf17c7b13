import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, sql } from '../../server/platform/db/database.js';
import {
  createDocumentSigner,
  type DocumentSigner,
  formatVerificationCode,
  type IssuedDocument,
  issueDocument,
} from '../../server/platform/documents/index.js';
import { sampleBirthCertificate } from '../../server/platform/documents/sample.js';
import { createTestDatabase } from '../helpers/db.js';

/**
 * Issued PDFs checked by independent tools (poppler's pdfsig/pdftotext/pdffonts, NSS certutil):
 * the signature is valid, chains to the development CA once it is trusted, breaks when one
 * signed byte changes, and the text reads back with every diacritic.
 * Needs: apt-get install -y poppler-utils libnss3-tools
 */
function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error)
    throw new Error(`${cmd} is not available (${r.error.message}); install poppler-utils libnss3-tools`);
  return `${r.stdout}${r.stderr}`;
}

let database: Database;
let signer: DocumentSigner;
let work: string;
let issued: IssuedDocument;
let file: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-pdfsig-'));
  database = await createTestDatabase();
  await sql`
    insert into platform.admin_units (id, code, level, type, name, full_name, path, province_code)
    values ('t-tien-du', '99999', 'commune', 'Xã', 'Tiên Du', 'Xã Tiên Du', '/VN/24/99999', '24')`.execute(
    database.db,
  );
  signer = await createDocumentSigner({
    dataDir: path.join(work, 'data'),
    publicUrl: 'https://tuphap.example.vn',
  });
  issued = await database.db.transaction().execute((tx) =>
    issueDocument(tx, signer, {
      docType: 'civil-status.birth-certificate',
      issuerUnitId: 't-tien-du',
      issuedBy: 'officer-1',
      document: sampleBirthCertificate(),
    }),
  );
  file = path.join(work, 'giay-khai-sinh.pdf');
  fs.writeFileSync(file, issued.pdf);
});

afterAll(async () => {
  await database?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('issued PDF under poppler and NSS', () => {
  it('has a valid signature by the issuing certificate', () => {
    const out = run('pdfsig', [file]);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Signer Certificate Common Name: TuPhap Development Issuing Authority');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signature Type: adbe.pkcs7.detached');
  });

  it('chains to the development CA once that CA is trusted', () => {
    const nss = path.join(work, 'nss');
    fs.mkdirSync(nss);
    run('certutil', ['-d', `sql:${nss}`, '-N', '--empty-password']);
    run('certutil', ['-d', `sql:${nss}`, '-A', '-n', 'ca', '-t', 'CT,C,C', '-i', signer.keys.caPemPath!]);
    const out = run('pdfsig', ['-nssdir', `sql:${nss}`, file]);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Certificate is Trusted.');
  });

  it('fails the check when one byte inside the signed range changes', () => {
    const bytes = Buffer.from(issued.pdf);
    // The binary comment on the header's second line: signed, yet harmless to the file's syntax.
    const at = bytes.indexOf('%', 1) + 1;
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(20);
    bytes[at] ^= 0x01;
    const tampered = path.join(work, 'tampered.pdf');
    fs.writeFileSync(tampered, bytes);
    const out = run('pdfsig', [tampered]);
    expect(out).toContain('Digest Mismatch');
    expect(out).not.toContain('Signature is Valid.');
  });

  it('reads back as Vietnamese text with the verification code, in embedded Be Vietnam Pro', () => {
    const text = run('pdftotext', ['-layout', file, '-']).normalize('NFC');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('GIẤY KHAI SINH');
    expect(text).toContain('NGUYỄN THỊ HUỲNH NHƯ Ý');
    expect(text).toContain('Tiên Du, ngày 23 tháng 11 năm 2026');
    expect(text).toContain(formatVerificationCode(issued.code));
    const fonts = run('pdffonts', [file]);
    expect(
      fonts.match(/BeVietnamPro-(Regular|Bold|Italic)\S*\s+CID TrueType\s+Identity-H\s+yes/g),
    ).toHaveLength(3);
  });
});
