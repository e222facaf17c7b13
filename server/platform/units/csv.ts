/**
 * RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes,
 * CRLF/LF/CR line ends, a leading UTF-8 BOM. Problems are reported per row with the line
 * number where the row starts; parsing never throws.
 */

export interface CsvRow {
  /** 1-based physical line where the row starts. */
  line: number;
  fields: string[];
  /** Set when the row is malformed (the fields are a best effort). */
  error?: string;
}

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export interface CsvIssue {
  line: number;
  message: string;
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  issues: CsvIssue[];
}

const isBreak = (c: string | undefined) => c === '\n' || c === '\r';

/** Splits CSV text into rows of fields. Completely empty lines are skipped. */
export function parseCsv(input: string): CsvRow[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const n = text.length;
  const rows: CsvRow[] = [];
  let i = 0;
  let line = 1;
  while (i < n) {
    const row: CsvRow = { line, fields: [] };
    let quotedAny = false;
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        quotedAny = true;
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          value += c;
          i++;
        }
        if (!closed) row.error ??= 'unterminated quoted field';
        if (i < n && text[i] !== ',' && !isBreak(text[i])) {
          row.error ??= 'unexpected text after a closing quote';
          while (i < n && text[i] !== ',' && !isBreak(text[i])) value += text[i++];
        }
      } else {
        const start = i;
        while (i < n && text[i] !== ',' && !isBreak(text[i])) i++;
        value = text.slice(start, i);
        if (value.includes('"')) row.error ??= 'quote inside an unquoted field';
      }
      row.fields.push(value);
      if (i >= n) break;
      const c = text[i];
      if (c === ',') {
        i++;
        continue;
      }
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      break;
    }
    const blank = !quotedAny && row.fields.length === 1 && row.fields[0] === '';
    if (!blank) rows.push(row);
  }
  return rows;
}

/**
 * Parses CSV with a header row into records keyed by column name. Rows with the wrong
 * number of fields or malformed quoting become issues, the others records.
 */
export function parseCsvRecords(input: string): CsvTable {
  const rows = parseCsv(input);
  const issues: CsvIssue[] = [];
  if (rows.length === 0)
    return { header: [], records: [], issues: [{ line: 1, message: 'missing header row' }] };
  const [head, ...body] = rows;
  const header = head.fields.map((h) => h.trim());
  if (head.error) issues.push({ line: head.line, message: `header: ${head.error}` });
  const records: CsvRecord[] = [];
  for (const row of body) {
    if (row.error) {
      issues.push({ line: row.line, message: row.error });
      continue;
    }
    if (row.fields.length !== header.length) {
      issues.push({
        line: row.line,
        message: `expected ${header.length} fields, found ${row.fields.length}`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, k) => {
      values[h] = row.fields[k];
    });
    records.push({ line: row.line, values });
  }
  return { header, records, issues };
}

/** Quotes a field when RFC 4180 requires it. */
function quoteField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes rows as CSV (CRLF line ends, trailing line end). Every row needs one field or more. */
export function serializeCsv(rows: readonly (readonly string[])[], eol = '\r\n'): string {
  return rows.map((r) => (r.length === 1 && r[0] === '' ? '""' : r.map(quoteField).join(',')) + eol).join('');
}
