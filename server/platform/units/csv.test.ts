import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords, serializeCsv } from './csv.js';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain, quoted and escaped fields', () => {
    expect(fields('a,b,c\n1,"x, y","say ""hi"""\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
    ]);
  });

  it('keeps line breaks inside quotes and accepts CRLF, LF and CR', () => {
    expect(fields('a,b\r\n"line 1\r\nline 2",z\r\n')).toEqual([
      ['a', 'b'],
      ['line 1\r\nline 2', 'z'],
    ]);
    expect(fields('a\rb\nc')).toEqual([['a'], ['b'], ['c']]);
  });

  it('strips a UTF-8 BOM and skips empty lines, but not an empty quoted field', () => {
    expect(fields('\ufeffcode,name\n\n01,Hà Nội\n""\n')).toEqual([['code', 'name'], ['01', 'Hà Nội'], ['']]);
  });

  it('handles empty fields and a missing final line break', () => {
    expect(fields(',,\nx,,y')).toEqual([
      ['', '', ''],
      ['x', '', 'y'],
    ]);
  });

  it('numbers rows by the line where they start', () => {
    const rows = parseCsv('h1,h2\n"a\nb",c\nd,e\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('reports malformed rows with their line and goes on', () => {
    const rows = parseCsv('a,b\n"x"y,z\nq"r,s\nok,1\n"open,2\n');
    expect(rows.map((r) => [r.line, r.error])).toEqual([
      [1, undefined],
      [2, 'unexpected text after a closing quote'],
      [3, 'quote inside an unquoted field'],
      [4, undefined],
      [5, 'unterminated quoted field'],
    ]);
  });
});

describe('parseCsvRecords', () => {
  it('maps rows to records by header and reports bad rows', () => {
    const t = parseCsvRecords('\ufeffcode, name\r\n01,Hà Nội\r\n02\r\n"04","Cao Bằng"\r\n');
    expect(t.header).toEqual(['code', 'name']);
    expect(t.records).toEqual([
      { line: 2, values: { code: '01', name: 'Hà Nội' } },
      { line: 4, values: { code: '04', name: 'Cao Bằng' } },
    ]);
    expect(t.issues).toEqual([{ line: 3, message: 'expected 2 fields, found 1' }]);
  });

  it('reports an empty file', () => {
    expect(parseCsvRecords('').issues).toEqual([{ line: 1, message: 'missing header row' }]);
  });
});

describe('serialize then parse (property)', () => {
  const field = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('', '"', '""', ',', '\r\n', '\n', '\r', ' a ', 'Thừa Thiên "Huế"', 'x,\r\ny'),
    fc.array(fc.constantFrom('a', 'ấ', '"', ',', '\r', '\n', ' '), { maxLength: 8 }).map((a) => a.join('')),
  );
  const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 12 });

  it('gives the rows back', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom('\r\n', '\n'), fc.boolean(), (rs, eol, bom) => {
        const text = (bom ? '\ufeff' : '') + serializeCsv(rs, eol);
        const parsed = parseCsv(text);
        expect(parsed.every((r) => r.error === undefined)).toBe(true);
        expect(parsed.map((r) => r.fields)).toEqual(rs);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the records back by header', () => {
    const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
      fc.record({
        header: fc.shuffledSubarray(['code', 'name', 'full_name', 'type', 'province_code', 'x'], {
          minLength: width,
          maxLength: width,
        }),
        body: fc.array(fc.array(field, { minLength: width, maxLength: width }), { maxLength: 10 }),
      }),
    );
    fc.assert(
      fc.property(table, ({ header, body }) => {
        const t = parseCsvRecords(serializeCsv([header, ...body]));
        expect(t.issues).toEqual([]);
        expect(t.records.map((r) => header.map((h) => r.values[h]))).toEqual(body);
      }),
      { numRuns: 500 },
    );
  });
});
