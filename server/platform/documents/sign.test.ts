import { createHash, verify as verifySignature } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKeys, type SigningKeys } from './keys.js';
import { buildDocument } from './render.js';
import { sampleBirthCertificate } from './sample.js';
import { SIGNATURE_SUBFILTER, signDocument } from './sign.js';
import { signatureEntries } from './test-support.js';

let dataDir: string;
let keys: SigningKeys;
let pdf: Uint8Array;
const signingTime = new Date('2026-11-23T03:15:00Z');

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-sign-'));
  keys = await loadSigningKeys({ dataDir });
  const doc = await buildDocument(sampleBirthCertificate(), {
    verification: { code: '7KQ2MX9HTB4R', url: 'https://tuphap.example.vn/xac-minh/7KQ2MX9HTB4R' },
    digitallySigned: true,
  });
  pdf = await signDocument(doc, keys, {
    reason: 'Cấp giấy khai sinh (bản chính)',
    location: 'Xã Tiên Du, Tỉnh Bắc Ninh',
    name: 'Trần Thị Bích Ngọc',
    signingTime,
  });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('signDocument', () => {
  it('writes a signature dictionary whose byte range covers the whole file but the signature', () => {
    const { byteRange, contents, subFilter } = signatureEntries(pdf);
    expect(subFilter).toBe(SIGNATURE_SUBFILTER);
    expect(byteRange).toHaveLength(4);
    const [a, b, c, d] = byteRange;
    expect(a).toBe(0);
    expect(c + d).toBe(pdf.length);
    // The gap is exactly the hex string <...> of /Contents.
    expect(Buffer.from(pdf.subarray(b, c)).toString('latin1')).toBe(`<${contents}>`);
    expect(contents.replace(/0+$/, '').length).toBeGreaterThan(1000);
  });

  it('holds a CMS signature over those bytes, by the signing certificate, with its CA', () => {
    const [, b, c, d] = signatureEntries(pdf).byteRange;
    const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
    const der = Buffer.from(signatureEntries(pdf).contents, 'hex');
    // The /Contents placeholder is zero-padded after the DER, so trailing bytes are allowed.
    const fromDer = forge.asn1.fromDer as unknown as (
      b: forge.util.ByteStringBuffer,
      o: object,
    ) => forge.asn1.Asn1;
    const asn1 = fromDer(forge.util.createBuffer(der.toString('binary')), { parseAllBytes: false });
    const p7 = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & {
      rawCapture: { authenticatedAttributes: forge.asn1.Asn1[]; signature: string };
    };
    const subjects = p7.certificates.map((cert) => cert.subject.getField('CN').value);
    expect(subjects).toContain('TuPhap Development CA');
    const signer = p7.certificates.find(
      (cert) => cert.subject.getField('CN').value !== 'TuPhap Development CA',
    )!;

    const attrs = p7.rawCapture.authenticatedAttributes;
    const digestAttr = attrs.find(
      (a) =>
        forge.asn1.derToOid((a.value as forge.asn1.Asn1[])[0].value as string) ===
        forge.pki.oids.messageDigest,
    )!;
    const digest = ((digestAttr.value as forge.asn1.Asn1[])[1].value as forge.asn1.Asn1[])[0].value as string;
    expect(Buffer.from(digest, 'binary').toString('hex')).toBe(
      createHash('sha256').update(signed).digest('hex'),
    );

    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
    const setDer = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
    const ok = verifySignature(
      'sha256',
      setDer,
      forge.pki.publicKeyToPem(signer.publicKey),
      Buffer.from(p7.rawCapture.signature, 'binary'),
    );
    expect(ok).toBe(true);
  });

  it('records reason, location and signer name in Vietnamese', async () => {
    const doc = await PDFDocument.load(pdf);
    const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    const widget = acroForm.lookup(PDFName.of('Fields'), PDFArray).lookup(0, PDFDict);
    const sig = widget.lookup(PDFName.of('V'), PDFDict);
    const text = (key: string) => sig.lookup(PDFName.of(key), PDFString).decodeText();
    expect(text('Reason')).toBe('Cấp giấy khai sinh (bản chính)');
    expect(text('Location')).toBe('Xã Tiên Du, Tỉnh Bắc Ninh');
    expect(text('Name')).toBe('Trần Thị Bích Ngọc');
    expect(sig.lookup(PDFName.of('M'), PDFString).decodeDate().toISOString()).toBe(signingTime.toISOString());
  });
});
