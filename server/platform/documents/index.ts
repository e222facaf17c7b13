/**
 * Documents: Vietnamese administrative documents as signed PDFs with a verification QR code,
 * and the register of what was issued. This file is the module's only public door.
 */
export {
  CODE_ALPHABET,
  CODE_LENGTH,
  formatVerificationCode,
  newVerificationCode,
  normalizeVerificationCode,
} from './codes.js';
export { FONT_FAMILY } from './fonts.js';
export {
  type CertificateInfo,
  DEV_CA_NAME,
  KEY_FILES,
  loadSigningKeys,
  type SigningKeyConfig,
  type SigningKeys,
} from './keys.js';
export {
  createDocumentSigner,
  type DocumentSigner,
  type DocumentSignerConfig,
  type IssuedDocument,
  type IssueSpec,
  issueDocument,
  type Revocation,
  revokeDocument,
  type VerificationResult,
  verificationUrl,
  verifyDocumentCode,
  verifyPdfBytes,
} from './register.js';
export { buildDocument, renderDocument } from './render.js';
export { SIGNATURE_SUBFILTER, type SignatureDetails, signDocument } from './sign.js';
export { buildPublicSummary, type PublicSummary } from './summary.js';
export {
  dateInWords,
  formatDateFigures,
  maskId,
  maskName,
  numberInWords,
  placeDateLine,
  upperVi,
} from './text.js';
export type {
  Block,
  DocumentSpec,
  FieldBlock,
  HeadingBlock,
  ParagraphBlock,
  PublicMode,
  RenderOptions,
  SpaceBlock,
  VerificationMark,
} from './types.js';
