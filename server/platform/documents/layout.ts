import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { AppError, t } from '../errors/app-error.js';
import type { FontSet, FontStyle } from './fonts.js';

/**
 * Drawing primitives for A4 administrative documents: a cursor that moves down the page,
 * word wrapping with the real glyph widths, page breaks.
 * Margins follow Nghị định 30/2020/NĐ-CP: top and bottom 20 mm, left 30 mm, right 20 mm.
 */
export const A4: [number, number] = [595.28, 841.89];
const MM = 72 / 25.4;
export const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };
export const INK = rgb(0, 0, 0);

export interface TextStyle {
  font: FontStyle;
  size: number;
}

// Both caches are per process: the embedded typefaces are always the same files.
const widthCache = new Map<string, number>();
const charsets = new Map<FontStyle, Set<number>>();

/** Line height for a size: Be Vietnam Pro's stacked tone marks need room above capitals. */
export const lineHeight = (size: number) => size * 1.42;

export class PageWriter {
  page: PDFPage;
  y: number;
  readonly left = MARGIN.left;
  readonly right = A4[0] - MARGIN.right;
  readonly width = A4[0] - MARGIN.left - MARGIN.right;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: FontSet,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
  }

  font(style: FontStyle): PDFFont {
    return this.fonts[style];
  }

  /** Starts a new page when fewer than `height` points are left above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height >= MARGIN.bottom) return;
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN.top - 18; // room for the page number
  }

  /**
   * Text width in points. Shaping a string is slow (~0.5 ms), so widths are kept per word
   * (at 1000 units, the fonts never change) and a line is the sum of its words and spaces.
   */
  widthOf(text: string, style: TextStyle): number {
    const words = text.split(' ');
    let units = (words.length - 1) * this.unitWidth(' ', style.font);
    for (const word of words) if (word) units += this.unitWidth(word, style.font);
    return (units * style.size) / 1000;
  }

  private unitWidth(word: string, style: FontStyle): number {
    const key = `${style}\u0000${word}`;
    let w = widthCache.get(key);
    if (w === undefined) {
      if (widthCache.size > 50_000) widthCache.clear();
      w = this.font(style).widthOfTextAtSize(word, 1000);
      widthCache.set(key, w);
    }
    return w;
  }

  /** Refuses characters the typeface cannot draw instead of printing empty boxes. */
  check(text: string, style: FontStyle): void {
    let set = charsets.get(style);
    if (!set) {
      set = new Set(this.font(style).getCharacterSet());
      charsets.set(style, set);
    }
    const missing = [...new Set(Array.from(text))].filter((ch) => !set.has(ch.codePointAt(0)!));
    if (missing.length > 0) {
      const list = missing
        .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
        .join(', ');
      throw new AppError(
        'VALIDATION',
        t(
          `Văn bản chứa ký tự không in được: ${list}`,
          `The document contains characters that cannot be printed: ${list}`,
        ),
        { characters: missing },
      );
    }
  }

  /** Draws one line with its baseline `size` below the cursor's top edge, at x. */
  drawAt(text: string, x: number, baselineY: number, style: TextStyle): void {
    if (!text) return;
    this.check(text, style.font);
    this.page.drawText(text, { x, y: baselineY, size: style.size, font: this.font(style.font), color: INK });
  }

  /** Splits text into lines no wider than `width`; words longer than a line are broken. */
  wrap(text: string, style: TextStyle, width: number, firstLineWidth = width): string[] {
    const lines: string[] = [];
    for (const para of text.split('\n')) {
      const words = para.split(/[ \t]+/).filter(Boolean);
      let line = '';
      const limit = () => (lines.length === 0 ? firstLineWidth : width);
      for (const word of words) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.widthOf(candidate, style) <= limit()) {
          line = candidate;
          continue;
        }
        if (line || (lines.length === 0 && this.widthOf(word, style) <= width)) {
          // Close the line; a short first line that cannot take the word stays empty.
          lines.push(line);
          line = '';
          if (this.widthOf(word, style) <= limit()) {
            line = word;
            continue;
          }
        }
        // A word wider than a whole line: break it between characters.
        let rest = word;
        while (this.widthOf(rest, style) > limit()) {
          const chars = Array.from(rest);
          // The longest prefix that fits (at least one character), by bisection.
          let lo = 1;
          let hi = chars.length - 1;
          while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (this.widthOf(chars.slice(0, mid).join(''), style) <= limit()) lo = mid;
            else hi = mid - 1;
          }
          lines.push(chars.slice(0, lo).join(''));
          rest = chars.slice(lo).join('');
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  /** Writes wrapped lines from the cursor, aligned in [x, x + width]; moves the cursor down. */
  paragraph(
    text: string,
    style: TextStyle,
    opts: { x?: number; width?: number; align?: 'left' | 'center' | 'right'; indent?: number } = {},
  ): void {
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.width;
    const indent = opts.indent ?? 0;
    const lh = lineHeight(style.size);
    this.wrap(text, style, width, width - indent).forEach((line, i) => {
      this.ensure(lh);
      const w = this.widthOf(line, style);
      let lx = x + (i === 0 ? indent : 0);
      if (opts.align === 'center') lx = x + (width - w) / 2;
      if (opts.align === 'right') lx = x + width - w;
      this.drawAt(line, lx, this.y - style.size, style);
      this.y -= lh;
    });
  }

  /**
   * "Label: value" with the value in bold. The value wraps under its own start when the
   * label is short; after a long label it continues on the label's last line (or the next
   * one) and wraps under a small indent.
   */
  field(label: string, value: string, size: number): void {
    const labelStyle: TextStyle = { font: 'regular', size };
    const valueStyle: TextStyle = { font: 'bold', size };
    const lh = lineHeight(size);
    const gap = size * 0.4;
    const labelText = `${label}:`;
    const labelWidth = this.widthOf(labelText, labelStyle) + gap;
    const hanging = labelWidth <= this.width * 0.45;
    const labelLines = hanging ? [labelText] : this.wrap(labelText, labelStyle, this.width);
    const lastLabelEnd = this.left + this.widthOf(labelLines[labelLines.length - 1], labelStyle) + gap;
    const valueX = hanging ? this.left + labelWidth : this.left + size * 1.5;
    const sameLine = hanging || this.right - lastLabelEnd >= this.width * 0.3;
    const firstWidth = hanging
      ? this.right - valueX
      : sameLine
        ? this.right - lastLabelEnd
        : this.right - valueX;
    const valueLines = this.wrap(value || ' ', valueStyle, this.right - valueX, firstWidth);
    const total = labelLines.length + valueLines.length - (sameLine ? 1 : 0);
    this.ensure(lh * Math.min(2, total));
    labelLines.forEach((line, i) => {
      if (i > 0) this.newLine(lh);
      this.drawAt(line, this.left, this.y - size, labelStyle);
    });
    valueLines.forEach((line, i) => {
      if (i > 0 || !sameLine) this.newLine(lh);
      const x = i === 0 && sameLine && !hanging ? lastLabelEnd : valueX;
      this.drawAt(line, x, this.y - size, valueStyle);
    });
    this.y -= lh;
  }

  private newLine(lh: number): void {
    this.y -= lh;
    this.ensure(lh);
  }

  /** A horizontal rule centred at cx (the short line under a body's name or the motto). */
  rule(cx: number, y: number, length: number): void {
    this.page.drawLine({
      start: { x: cx - length / 2, y },
      end: { x: cx + length / 2, y },
      thickness: 0.6,
      color: INK,
    });
  }

  /** The largest size ≤ preferred at which text fits in width (down to 70%). */
  fitSize(text: string, font: FontStyle, width: number, preferred: number): number {
    let size = preferred;
    while (size > preferred * 0.7 && this.widthOf(text, { font, size }) > width) size -= 0.25;
    return size;
  }
}
