import { PDFDocument, type PDFImage } from 'pdf-lib';
import QRCode from 'qrcode';
import { AppError, t } from '../errors/app-error.js';
import { formatVerificationCode } from './codes.js';
import { embedFonts } from './fonts.js';
import { A4, MARGIN, PageWriter, lineHeight } from './layout.js';
import { placeDateLine, upperVi } from './text.js';
import type { Block, DocumentSpec, RenderOptions, VerificationMark } from './types.js';

/**
 * Lays a document out as a Vietnamese administrative document (A4, Nghị định 30/2020/NĐ-CP
 * style): issuing body top-left, national motto top-right, title, content, place and date,
 * signature block, and a verification QR code bottom-left.
 */
const SIZE = { header: 12, title: 15, body: 12, small: 8.5 };
const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_2 = 'Độc lập - Tự do - Hạnh phúc';
const QR_SIZE = 76;

/** Renders a document to an unsigned PDF. */
export async function renderDocument(spec: DocumentSpec, options: RenderOptions = {}): Promise<Uint8Array> {
  const doc = await buildDocument(spec, options);
  return doc.save({ useObjectStreams: false });
}

/** Renders into a pdf-lib document, so a signature placeholder can be added before saving. */
export async function buildDocument(spec: DocumentSpec, options: RenderOptions = {}): Promise<PDFDocument> {
  validateSpec(spec);
  const at = options.at ?? new Date();
  const doc = await PDFDocument.create();
  doc.setTitle(nfc(spec.title), { showInWindowTitleBar: true });
  doc.setAuthor(nfc(spec.issuer.name));
  if (spec.docType) doc.setSubject(spec.docType);
  doc.setLanguage('vi-VN');
  doc.setCreator('TuPhap');
  doc.setProducer('TuPhap (pdf-lib)');
  doc.setCreationDate(at);
  doc.setModificationDate(at);

  const w = new PageWriter(doc, await embedFonts(doc));
  const qr = options.verification ? await doc.embedPng(await qrPng(options.verification.url)) : undefined;
  drawHeader(w, spec);
  drawTitle(w, spec);
  for (const block of spec.blocks) drawBlock(w, block);
  drawClosing(w, spec, options, qr);
  numberPages(w);
  return doc;
}

const nfc = (s: string) => s.normalize('NFC');

const qrPng = (url: string): Promise<Buffer> =>
  QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 0, scale: 6 });

function validateSpec(spec: DocumentSpec): void {
  const missing: string[] = [];
  if (!spec.issuer?.name?.trim()) missing.push('issuer.name');
  if (!spec.title?.trim()) missing.push('title');
  if (!spec.signature?.post?.trim()) missing.push('signature.post');
  if (!spec.signature?.name?.trim()) missing.push('signature.name');
  if (!spec.placeDate?.place?.trim()) missing.push('placeDate.place');
  if (!Array.isArray(spec.blocks)) missing.push('blocks');
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION',
      t(`Thiếu thông tin văn bản: ${missing.join(', ')}`, `Document is missing: ${missing.join(', ')}`),
      { fields: missing },
    );
  }
}

/** Left: parent body, issuing body (bold), a short rule, numbers. Right: the national motto. */
function drawHeader(w: PageWriter, spec: DocumentSpec): void {
  const top = w.y;
  const leftWidth = w.width * 0.42;
  const gutter = 8;
  const rightX = w.left + leftWidth + gutter;
  const rightWidth = w.right - rightX;
  const lh = lineHeight(SIZE.header);

  // Right column: the motto, its second line underlined across its own width.
  const mottoSize = w.fitSize(MOTTO, 'bold', rightWidth, SIZE.header);
  w.paragraph(MOTTO, { font: 'bold', size: mottoSize }, { x: rightX, width: rightWidth, align: 'center' });
  const motto2Size = SIZE.header + 0.5;
  w.paragraph(MOTTO_2, { font: 'bold', size: motto2Size }, { x: rightX, width: rightWidth, align: 'center' });
  w.rule(
    rightX + rightWidth / 2,
    w.y + lh - motto2Size - 3.5,
    w.widthOf(MOTTO_2, { font: 'bold', size: motto2Size }),
  );
  const rightBottom = w.y;

  // Left column: the issuing body.
  w.y = top;
  const cx = w.left + leftWidth / 2;
  // Each given line of the body's name shrinks a little to stay on one line before wrapping.
  const block = (text: string, font: 'regular' | 'bold') => {
    const lines = upperVi(text).split('\n');
    const size = Math.min(...lines.map((l) => w.fitSize(l, font, leftWidth, SIZE.header)));
    for (const line of lines) w.paragraph(line, { font, size }, { width: leftWidth, align: 'center' });
    return { lines: lines.flatMap((l) => w.wrap(l, { font, size }, leftWidth)), size };
  };
  if (spec.issuer.parent) block(spec.issuer.parent, 'regular');
  const name = block(spec.issuer.name, 'bold');
  const nameWidth = Math.max(...name.lines.map((l) => w.widthOf(l, { font: 'bold', size: name.size })));
  w.rule(cx, w.y + lineHeight(name.size) - name.size - 5, Math.min(nameWidth, leftWidth) * 0.45);
  w.y -= 6;
  for (const line of spec.numberLines ?? []) {
    w.paragraph(nfc(line), { font: 'regular', size: SIZE.header }, { width: leftWidth, align: 'center' });
  }
  w.y = Math.min(w.y, rightBottom) - lh * 1.2;
}

function drawTitle(w: PageWriter, spec: DocumentSpec): void {
  w.paragraph(upperVi(spec.title), { font: 'bold', size: SIZE.title }, { align: 'center' });
  if (spec.subtitle)
    w.paragraph(nfc(spec.subtitle), { font: 'italic', size: SIZE.body }, { align: 'center' });
  w.y -= lineHeight(SIZE.body) * 0.6;
}

function drawBlock(w: PageWriter, block: Block): void {
  const size = SIZE.body;
  switch (block.kind) {
    case 'field':
      w.field(nfc(block.label), nfc(block.value ?? ''), size);
      return;
    case 'paragraph':
      w.paragraph(
        nfc(block.text),
        { font: block.style ?? 'regular', size },
        {
          align: block.align ?? 'left',
          indent: block.indent ? size * 2.5 : 0,
        },
      );
      return;
    case 'heading':
      w.y -= lineHeight(size) * 0.3;
      w.ensure(lineHeight(size) * 2);
      w.paragraph(nfc(block.text), { font: 'bold', size });
      return;
    case 'space':
      w.y -= block.size ?? lineHeight(size) / 2;
      return;
    default:
      throw new AppError('VALIDATION', t('Loại khối nội dung không hợp lệ', 'Unknown content block kind'), {
        kind: (block as { kind?: unknown }).kind,
      });
  }
}

/** Bottom: the place and date line and the signature block on the right, the QR code on the left. */
function drawClosing(w: PageWriter, spec: DocumentSpec, options: RenderOptions, qr?: PDFImage): void {
  const sigWidth = w.width * 0.5;
  const sigX = w.right - sigWidth;
  const body = SIZE.body;
  const lh = lineHeight(body);
  const dateLine = placeDateLine(nfc(spec.placeDate.place), spec.placeDate.date);
  const dateLines = w.wrap(dateLine, { font: 'italic', size: body }, sigWidth);
  const sig = spec.signature;
  const upper = [sig.onBehalf, sig.post].filter((s): s is string => !!s?.trim()).map(upperVi);
  const upperLines = upper.flatMap((s) => w.wrap(s, { font: 'bold', size: body }, sigWidth));
  const signSpace = 62;
  const height = lh * (1.2 + dateLines.length + upperLines.length + 1) + signSpace;
  w.y -= lh * 0.6;
  w.ensure(Math.max(height, QR_SIZE + lh * 2.5));
  const top = w.y;

  w.paragraph(dateLine, { font: 'italic', size: body }, { x: sigX, width: sigWidth, align: 'center' });
  w.y -= lh * 0.2;
  for (const line of upperLines) {
    w.paragraph(line, { font: 'bold', size: body }, { x: sigX, width: sigWidth, align: 'center' });
  }
  if (options.digitallySigned) {
    w.y -= signSpace / 2 - lh / 2;
    w.paragraph(
      '(Đã ký số)',
      { font: 'italic', size: SIZE.small + 1 },
      { x: sigX, width: sigWidth, align: 'center' },
    );
    w.y -= signSpace / 2 - lineHeight(SIZE.small + 1) + lh / 2;
  } else {
    w.y -= signSpace;
  }
  w.paragraph(nfc(sig.name), { font: 'bold', size: body }, { x: sigX, width: sigWidth, align: 'center' });
  const sigBottom = w.y;

  if (options.verification && qr) {
    w.y = top - lh * (dateLines.length + 0.4);
    drawVerification(w, options.verification, qr, sigX - w.left - 10);
  }
  w.y = Math.min(sigBottom, w.y);
}

/** The QR code with, beside it, the code in print and where to check it. */
function drawVerification(w: PageWriter, mark: VerificationMark, qr: PDFImage, width: number): void {
  const x = w.left;
  const top = w.y;
  w.page.drawImage(qr, { x, y: top - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
  const textX = x + QR_SIZE + 8;
  const textWidth = Math.max(60, width - QR_SIZE - 8);
  const small = { font: 'regular' as const, size: SIZE.small };
  // Where a person can type the code: the public address without scheme or the code itself.
  const where = mark.url.replace(/^https?:\/\//, '').replace(/\/[^/]*$/, '');
  w.y -= 3;
  w.paragraph('Mã xác minh:', small, { x: textX, width: textWidth });
  w.paragraph(formatVerificationCode(mark.code), { font: 'bold', size: 10 }, { x: textX, width: textWidth });
  w.y -= 2;
  w.paragraph(
    'Quét mã QR hoặc tra cứu tại',
    { font: 'italic', size: SIZE.small },
    { x: textX, width: textWidth },
  );
  // The address on as few lines as fit, broken at slashes; a line too long shrinks a little.
  const lines: string[] = [];
  for (const part of where.split(/(?=\/)/)) {
    const last = lines.length - 1;
    if (last >= 0 && w.widthOf(lines[last] + part, small) <= textWidth) lines[last] += part;
    else lines.push(part);
  }
  for (const line of lines) {
    const size = w.fitSize(line, 'regular', textWidth, SIZE.small);
    w.paragraph(line, { ...small, size }, { x: textX, width: textWidth });
  }
  w.y = Math.min(w.y, top - QR_SIZE);
}

/** Page numbers from the second page on, centred in the top margin. */
function numberPages(w: PageWriter): void {
  const pages = w.doc.getPages();
  if (pages.length < 2) return;
  const style = { font: 'regular' as const, size: 10 };
  pages.slice(1).forEach((p, i) => {
    const label = String(i + 2);
    const saved = w.page;
    w.page = p;
    w.drawAt(label, A4[0] / 2 - w.widthOf(label, style) / 2, A4[1] - MARGIN.top + 4, style);
    w.page = saved;
  });
}
