/**
 * Vietnamese text: Unicode and tone-mark normalization, diacritic folding,
 * syllable tokenization and sorting.
 *
 * Tone placement: Vietnamese writes the tone of "oa", "oe", "uy" either on the first
 * vowel (old style: "hòa", "thủy", "khỏe") or on the main vowel (new style, the rule of
 * the 1984 spelling reform: "hoà", "thuỷ", "khoẻ"). Both spellings are in daily and official
 * use. `normalizeVietnamese` maps both to the new style, computed per syllable by rule, so
 * the two compare equal. It is a comparison form: show stored names as they were written.
 */

/** The five tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng). */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
/** Vowels with a quality mark (breve, circumflex, horn) — they take the tone first. */
const MARKED_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
const LETTER = /^[a-zăâđêôơư]$/;
/** Apostrophe look-alikes seen in names such as M'Đrắk. */
const APOSTROPHES = /[\u2018\u2019\u02bc\u02bb\u2032]/g;
/** Latin capital/small eth, sometimes typed instead of Đ/đ. */
const ETH = /[\u00d0\u00f0]/g;

interface CharParts {
  /** The character without its tone mark, NFC. */
  base: string;
  /** The tone mark, or '' (several marks are concatenated). */
  tone: string;
}

const partsCache = new Map<string, CharParts>();

function charParts(ch: string): CharParts {
  let p = partsCache.get(ch);
  if (!p) {
    let base = '';
    let tone = '';
    for (const c of ch.normalize('NFD')) {
      if (TONE_MARKS.has(c)) tone += c;
      else base += c;
    }
    p = { base: base.normalize('NFC'), tone };
    if (partsCache.size < 10_000) partsCache.set(ch, p);
  }
  return p;
}

/**
 * Index (in code points) of the vowel that carries the tone, by the new-style rule, or -1
 * when the word is not a Vietnamese syllable. `lower` holds the tone-free lower-case letters.
 */
function toneIndex(lower: string[]): number {
  const n = lower.length;
  let start = 0;
  while (start < n && !VOWELS.has(lower[start])) start++;
  if (start === n) return -1;
  let end = start;
  while (end < n && VOWELS.has(lower[end])) end++;
  for (let k = end; k < n; k++) if (VOWELS.has(lower[k])) return -1; // vowel after a consonant
  // "qu" and "gi" are initial consonants when another vowel follows: quý, già, giường.
  if (end - start >= 2) {
    if (lower[start] === 'u' && start > 0 && lower[start - 1] === 'q') start++;
    else if (lower[start] === 'i' && start === 1 && lower[0] === 'g') start++;
  }
  const len = end - start;
  if (len > 3) return -1;
  for (let k = end - 1; k >= start; k--) if (MARKED_VOWELS.has(lower[k])) return k; // người, thuyền
  if (len === 1) return start;
  if (end < n) return end - 1; // closed syllable: hoàng, toán, huýt
  if (len === 3) return start + 1; // ngoài, khuỷu, ngoẹo
  const pair = lower[start] + lower[start + 1];
  return pair === 'oa' || pair === 'oe' || pair === 'uy' ? start + 1 : start; // hoà, khoẻ, thuỷ; mùa, núi
}

function normalizeWord(word: string): string {
  const chars = Array.from(word);
  const parts = chars.map(charParts);
  let tone = '';
  let toned = 0;
  for (const p of parts) {
    if (p.tone) {
      tone = p.tone;
      toned++;
    }
  }
  if (toned !== 1 || tone.length !== 1) return word;
  const lower: string[] = [];
  for (const p of parts) {
    const l = p.base.toLowerCase();
    if (!LETTER.test(l)) return word;
    lower.push(l);
  }
  const target = toneIndex(lower);
  if (target < 0) return word;
  let out = '';
  for (let k = 0; k < parts.length; k++) {
    out += k === target ? (parts[k].base + tone).normalize('NFC') : parts[k].base;
  }
  return out;
}

/** NFC, unified apostrophes and Đ, single spaces, no leading/trailing space. */
function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(APOSTROPHES, "'")
    .replace(ETH, (c) => (c === '\u00d0' ? 'Đ' : 'đ'))
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The comparison form of a Vietnamese text: NFC, new-style tone placement ("Hòa Bình" and
 * "Hoà Bình" both give "Hoà Bình"), ASCII apostrophe, Đ for the look-alike Ð, collapsed spaces.
 * Case is kept. Idempotent.
 */
export function normalizeVietnamese(s: string): string {
  return cleanText(s).replace(/[\p{L}\p{M}]+/gu, normalizeWord);
}

/**
 * Diacritic folding for search: removes tone and vowel marks, đ→d, lower case, collapsed
 * spaces ("Đắk Lắk" → "dak lak"). Idempotent; Vietnamese letters fold to ASCII.
 */
export function foldVietnamese(s: string): string {
  return cleanText(s)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/** The syllables (words) of a text, NFC, without punctuation; "M'Đrắk" stays one token. */
export function tokenizeVietnamese(s: string): string[] {
  return cleanText(s).match(/[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu) ?? [];
}

// ---- Sorting ------------------------------------------------------------------------

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** Dictionary order of tones: ngang, huyền, hỏi, ngã, sắc, nặng. */
const TONE_ORDER = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

/**
 * A sort key in Vietnamese dictionary order that needs no ICU data: letters first
 * (a ă â b c d đ e ê …), then tones, then case. Digit runs compare by value.
 */
export function vietnameseSortKey(s: string): string {
  const text = normalizeVietnamese(s).replace(/\d+/g, (d) => {
    const v = d.replace(/^0+(?=\d)/, '');
    return String.fromCharCode(0x30 + Math.min(v.length, 0x2f)) + v;
  });
  let primary = '';
  let tones = '';
  let cases = '';
  for (const ch of text) {
    const { base, tone } = charParts(ch);
    const lower = base.toLowerCase();
    const idx = ALPHABET.indexOf(lower);
    if (idx >= 0 && lower.length === 1) {
      primary += String.fromCharCode(0x61 + idx);
      cases += lower === base ? '0' : '1';
    } else {
      const code = ch.codePointAt(0)!;
      primary += code < 0x61 ? ch : String.fromCodePoint(code + 0x100);
      cases += '0';
    }
    tones += String(Math.max(0, TONE_ORDER.indexOf(tone)));
  }
  return `${primary}\u0000${tones}\u0000${cases}`;
}

/** Compares by `vietnameseSortKey`; used when the runtime has no Vietnamese collation. */
export function compareVietnameseFallback(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

function makeCollator(): Intl.Collator | null {
  try {
    if (Intl.Collator.supportedLocalesOf(['vi']).length === 0) return null;
    return new Intl.Collator('vi', { numeric: true, sensitivity: 'variant' });
  } catch {
    return null;
  }
}

const collator = makeCollator();

/** Whether sorting uses the ICU Vietnamese collation (else the built-in key). */
export const hasVietnameseCollation = collator !== null;

/**
 * Vietnamese sort order ("Phường 2" before "Phường 10"). Both tone placements sort the same;
 * ties are broken by code point so the order is total and stable.
 */
export function compareVietnamese(a: string, b: string): number {
  if (!collator) return compareVietnameseFallback(a, b);
  const r = collator.compare(normalizeVietnamese(a), normalizeVietnamese(b));
  if (r !== 0) return r;
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * `compareVietnamese` for texts already passed through `normalizeVietnamese`; skips that
 * step, for sorting many names whose normal form is kept.
 */
export function compareNormalizedVietnamese(a: string, b: string): number {
  if (!collator) return compareVietnameseFallback(a, b);
  const r = collator.compare(a, b);
  if (r !== 0) return r;
  return a === b ? 0 : a < b ? -1 : 1;
}
