import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { renderDocument } from './render.js';
import { sampleBirthCertificate } from './sample.js';
import { embeddedFonts, vietnameseAlphabet } from './test-support.js';
import type { DocumentSpec } from './types.js';

const PANGRAM = 'ẮẰẲẴẶẤẦẨẪẬ ĐđƯƠ ưở ỹ ỵ Ỷ ễ ộ ớ ừ ữ ự ỗ ẫ ằ ẳ ẵ ẹ ẻ ẽ ị ỉ ĩ ọ ỏ ũ ủ ụ ỳ ý';

function specWith(extra: DocumentSpec['blocks']): DocumentSpec {
  const spec = sampleBirthCertificate();
  return { ...spec, blocks: [...spec.blocks, ...extra] };
}

describe('renderDocument', () => {
  it('embeds Be Vietnam Pro whose glyphs cover every Vietnamese letter in all three styles', async () => {
    const letters = vietnameseAlphabet();
    const pdf = await renderDocument(
      specWith([
        { kind: 'paragraph', text: `${letters} ${PANGRAM}` },
        { kind: 'paragraph', text: `${letters} ${PANGRAM}`, style: 'bold' },
        { kind: 'paragraph', text: `${letters} ${PANGRAM}`, style: 'italic' },
      ]),
      { verification: { code: '7KQ2MX9HTB4R', url: 'https://tuphap.example.vn/xac-minh/7KQ2MX9HTB4R' } },
    );
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const fonts = await embeddedFonts(pdf);
    expect(fonts.map((f) => f.baseFont.replace(/-\d+$/, '')).sort()).toEqual([
      'BeVietnamPro-Bold',
      'BeVietnamPro-Italic',
      'BeVietnamPro-Regular',
    ]);
    for (const font of fonts) {
      expect(font.blank, font.baseFont).toEqual([]);
      const missing = Array.from(`${letters}${PANGRAM}`.replace(/\s/g, '')).filter(
        (ch) => !font.drawable.has(ch),
      );
      expect(missing, font.baseFont).toEqual([]);
    }
  });

  it('subsets the fonts (a page stays small)', async () => {
    const pdf = await renderDocument(sampleBirthCertificate());
    expect(pdf.length).toBeLessThan(120_000);
  });

  it('normalizes decomposed input to precomposed letters', async () => {
    const spec = specWith([
      { kind: 'field', label: 'Tên'.normalize('NFD'), value: 'HUỲNH NHƯ Ý'.normalize('NFD') },
    ]);
    const fonts = await embeddedFonts(await renderDocument(spec));
    const bold = fonts.find((f) => f.baseFont.startsWith('BeVietnamPro-Bold'))!;
    expect(bold.drawable.has('Ỳ')).toBe(true);
    expect(bold.drawable.has('\u0300')).toBe(false);
  });

  it('refuses characters the typeface cannot draw instead of printing boxes', async () => {
    const spec = specWith([{ kind: 'field', label: 'Ghi chú', value: 'Tên chữ Hán 阮' }]);
    const err = await renderDocument(spec).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('VALIDATION');
    expect(err.detail.en).toContain('U+962E');
  });

  it('refuses a document without its required parts', async () => {
    const spec = { ...sampleBirthCertificate(), title: ' ' };
    await expect(renderDocument(spec)).rejects.toMatchObject({
      code: 'VALIDATION',
      data: { fields: ['title'] },
    });
  });

  it('flows long content onto further pages, A4, with the document info set', async () => {
    const long =
      'Nội dung trích lục dài, có nhiều đoạn văn để kiểm tra việc ngắt dòng và sang trang. '.repeat(12);
    const blocks: DocumentSpec['blocks'] = [];
    for (let i = 0; i < 12; i++) blocks.push({ kind: 'paragraph', text: long, indent: true });
    blocks.push({ kind: 'field', label: 'Một từ rất dài', value: 'X'.repeat(300) });
    const pdf = await renderDocument(specWith(blocks), { at: new Date('2026-11-23T03:00:00Z') });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThan(2);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(595.28, 1);
      expect(page.getHeight()).toBeCloseTo(841.89, 1);
    }
    expect(doc.getTitle()).toBe('Giấy khai sinh');
    expect(doc.getAuthor()).toBe('ỦY BAN NHÂN DÂN\nXÃ TIÊN DU'.normalize('NFC'));
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-23T03:00:00.000Z');
  });
});
