import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import type { PDFDocument } from 'pdf-lib';
import { AppError, t } from '../errors/app-error.js';
import type { SigningKeys } from './keys.js';
import { pdfTextString } from './text.js';

/**
 * PAdES-style signature: a CMS (PKCS#7) detached SHA-256 signature over the whole file
 * except the signature value, with the signing chain embedded.
 *
 * SubFilter is adbe.pkcs7.detached. ETSI.CAdES.detached would also need the ESS
 * signing-certificate-v2 signed attribute (ETSI EN 319 122-1), which @signpdf/signer-p12
 * (node-forge underneath) cannot add; claiming the ETSI SubFilter without it would make
 * strict PAdES validators reject the file.
 */
export const SIGNATURE_SUBFILTER = 'adbe.pkcs7.detached';

export interface SignatureDetails {
  /** "Cấp giấy khai sinh" — why the document is signed. */
  reason: string;
  /** "Xã Tiên Du, Tỉnh Bắc Ninh". */
  location: string;
  /** The signer as shown by PDF readers: the issuing authority or the official. */
  name: string;
  contactInfo?: string;
  signingTime?: Date;
}

/**
 * Adds the signature placeholder to a rendered document, saves it without object streams
 * (so the signature dictionary stays findable) and signs it.
 */
export async function signDocument(
  doc: PDFDocument,
  keys: SigningKeys,
  details: SignatureDetails,
): Promise<Uint8Array> {
  const signingTime = details.signingTime ?? new Date();
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: pdfTextString(details.reason),
    location: pdfTextString(details.location),
    name: pdfTextString(details.name),
    contactInfo: pdfTextString(details.contactInfo ?? ''),
    signingTime,
    subFilter: SIGNATURE_SUBFILTER,
    // Room for the certificate chain in the CMS; the p12 holds that chain plus the key.
    signatureLength: Math.max(8192, keys.p12.length + 4096),
    appName: 'TuPhap',
  });
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  const signer = new P12Signer(keys.p12, { passphrase: keys.passphrase });
  try {
    const signed = await new SignPdf().sign(unsigned, signer, signingTime);
    return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
  } catch (e) {
    throw new AppError('INTERNAL', t('Không ký số được văn bản', 'Could not sign the document'), {
      cause: (e as Error).message,
    });
  }
}
