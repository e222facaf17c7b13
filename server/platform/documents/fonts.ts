import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * Be Vietnam Pro (SIL Open Font License), a typeface drawn for Vietnamese: every letter
 * with its tone marks has its own glyph, so subsetting keeps them all.
 */
export const FONT_FAMILY = 'BeVietnamPro';

const FILES = {
  regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
  italic: '@expo-google-fonts/be-vietnam-pro/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
} as const;

export type FontStyle = keyof typeof FILES;
export type FontSet = Record<FontStyle, PDFFont>;

const require = createRequire(import.meta.url);
let cache: Record<FontStyle, Uint8Array> | null = null;

/** The TTF bytes, read once per process. */
export function fontBytes(): Record<FontStyle, Uint8Array> {
  if (!cache) {
    cache = {
      regular: fs.readFileSync(require.resolve(FILES.regular)),
      bold: fs.readFileSync(require.resolve(FILES.bold)),
      italic: fs.readFileSync(require.resolve(FILES.italic)),
    };
  }
  return cache;
}

/**
 * fontkit with parsed fonts kept per process: parsing a TTF costs more than laying out a
 * whole page, and a parsed font is only read from (each document makes its own subset).
 */
const parsed = new WeakMap<Uint8Array, unknown>();
const cachingFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string) {
    if (postscriptName) return fontkit.create(buffer, postscriptName);
    let font = parsed.get(buffer);
    if (!font) {
      font = fontkit.create(buffer);
      parsed.set(buffer, font);
    }
    return font as ReturnType<Fontkit['create']>;
  },
};

/** Embeds the three styles, subset to the glyphs the document uses. */
export async function embedFonts(doc: PDFDocument): Promise<FontSet> {
  doc.registerFontkit(cachingFontkit);
  const bytes = fontBytes();
  const [regular, bold, italic] = await Promise.all([
    doc.embedFont(bytes.regular, { subset: true }),
    doc.embedFont(bytes.bold, { subset: true }),
    doc.embedFont(bytes.italic, { subset: true }),
  ]);
  return { regular, bold, italic };
}
