/**
 * Small helpers over the export's HTML fragments, without a DOM: the files are not
 * well-formed, so text is taken by stripping tags and decoding the few entities used.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** One line of text: tags removed, entities decoded, NBSP and runs of spaces collapsed, NFC. */
export function inlineText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim()
    .normalize('NFC');
}

const BLOCK_BREAK = /<\/?(?:p|div|tr|table|br|li|h\d)\b[^>]*>/gi;

/** Text with one line per paragraph (khoản, điểm, table row); blank lines dropped. */
export function blockText(html: string): string {
  return decodeEntities(
    html
      .replace(BLOCK_BREAK, '\n')
      .replace(/<\/t[dh]>/gi, '\t')
      .replace(/<[^>]*>/g, ''),
  )
    .normalize('NFC')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0\u200b\ufeff]+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

const KEPT = new Set(['p', 'table', 'tbody', 'tr', 'td', 'th', 'b', 'i', 'u', 'br']);
const CELL_ATTRS = /\b(colspan|rowspan)\s*=\s*['"]?(\d{1,3})['"]?/gi;

/**
 * Sanitized article HTML: only p/table/tr/td/th/b/i/u/br (and tbody) kept, without
 * attributes except colspan/rowspan on cells; everything else (links, spans, Word markup,
 * scripts, styles, comments) is removed, keeping the text inside.
 */
export function sanitizeHtml(html: string): string {
  const noComments = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\?xml[^>]*>/gi, '');
  const out = noComments.replace(
    /<(\/?)([a-z][a-z0-9:]*)\b([^>]*)>/gi,
    (_m, close: string, tag: string, attrs: string) => {
      const name = tag.toLowerCase();
      if (!KEPT.has(name)) return '';
      if (close) return name === 'br' ? '' : `</${name}>`;
      if (name === 'br') return '<br>';
      if (name === 'td' || name === 'th') {
        const kept = [...attrs.matchAll(CELL_ATTRS)].map((a) => ` ${a[1].toLowerCase()}="${a[2]}"`);
        return `<${name}${kept.join('')}>`;
      }
      return `<${name}>`;
    },
  );
  // Stray '<' or '>' left over from broken markup are escaped so the output stays inert.
  return out
    .replace(/<(?!\/?(?:p|table|tbody|tr|td|th|b|i|u|br)\b)/gi, '&lt;')
    .replace(/[\u00a0]/g, ' ')
    .replace(/\r/g, '')
    .replace(/[ \t]*\n[ \t\n]*/g, '\n')
    .trim()
    .normalize('NFC');
}
