import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, type PDFRawStream } from 'pdf-lib';

/**
 * Test helpers that read PDFs back: which fonts are embedded and which characters each one
 * can really draw (its ToUnicode map, checked against the glyph outlines of the subset).
 * Used by this module's tests only.
 */

/** Every Vietnamese letter: 12 vowels × 6 tones, both cases, and đ/Đ. */
export function vietnameseAlphabet(): string {
  const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const lower = vowels.flatMap((v) => tones.map((tone) => (v + tone).normalize('NFC'))).join('');
  return `${lower}${lower.toLocaleUpperCase('vi')}đĐ`;
}

export interface EmbeddedFont {
  baseFont: string;
  /** Characters the ToUnicode map declares, each with a non-empty outline in the font file. */
  drawable: Set<string>;
  /** Declared characters whose glyph has no outline (would print blank). */
  blank: string[];
}

const bytesOf = (stream: PDFRawStream) => Buffer.from(decodePDFRawStream(stream).decode());

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexToText = (hex: string) => {
    let s = '';
    for (let i = 0; i < hex.length; i += 4)
      s += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(Number.parseInt(m[1], 16), hexToText(m[2]));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const [lo, hi, start] = [m[1], m[2], m[3]].map((h) => Number.parseInt(h, 16));
      for (let gid = lo; gid <= hi; gid++) map.set(gid, String.fromCharCode(start + gid - lo));
    }
  }
  return map;
}

/** The Type0 fonts of a PDF with what they can draw. */
export async function embeddedFonts(pdf: Uint8Array): Promise<EmbeddedFont[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const fonts: EmbeddedFont[] = [];
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const baseFont = obj.lookup(PDFName.of('BaseFont'), PDFName).decodeText();
    const toUnicode = obj.lookup(PDFName.of('ToUnicode')) as PDFRawStream;
    const descendant = obj.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const file = descriptor.lookup(PDFName.of('FontFile2')) as PDFRawStream;
    const font = fontkit.create(bytesOf(file)) as unknown as {
      getGlyph(id: number): { path: { commands: unknown[] } };
    };
    const drawable = new Set<string>();
    const blank: string[] = [];
    for (const [gid, text] of parseToUnicode(bytesOf(toUnicode).toString('latin1'))) {
      const hasOutline = font.getGlyph(gid).path.commands.length > 0;
      if (hasOutline || /^\s$/.test(text)) drawable.add(text);
      else blank.push(text);
    }
    fonts.push({ baseFont, drawable, blank });
  }
  return fonts;
}

/** The signature dictionary's raw entries, as found in the file. */
export function signatureEntries(pdf: Uint8Array): {
  byteRange: number[];
  contents: string;
  subFilter: string;
} {
  const text = Buffer.from(pdf).toString('latin1');
  const br = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  const contents = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(text);
  const subFilter = /\/SubFilter\s*\/([\w.]+)/.exec(text);
  return {
    byteRange: br ? br.slice(1, 5).map(Number) : [],
    contents: contents?.[1] ?? '',
    subFilter: subFilter?.[1] ?? '',
  };
}
