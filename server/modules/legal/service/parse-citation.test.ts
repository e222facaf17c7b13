import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Citation, formatCitation, parseCitation } from './parse-citation.js';

// Golden lines are real pGhiChu citations of the Bộ pháp điển export.
const ok = (s: string) => {
  const r = parseCitation(s);
  if (!r.ok) throw new Error(r.reason.en);
  return r.citation;
};

describe('parseCitation (golden lines of the corpus)', () => {
  it('reads the full form (Luật Hộ tịch, PĐ 15.3.LQ.1)', () => {
    const c = ok(
      "<a href='http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=70814#Chuong_I_Dieu_1' target='_blank'>(Điều 1 Luật số 60/2014/QH13 Hộ tịch ngày 20/11/2014 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2016)</a>",
    );
    expect(c).toMatchObject({
      unit: 'Điều 1',
      articleNumber: '1',
      full: true,
      effectiveDate: '2016-01-01',
      document: {
        type: 'Luật',
        numberSymbol: '60/2014/QH13',
        title: 'Hộ tịch',
        issueDate: '2014-11-20',
        issuer: 'Quốc hội',
      },
      amendments: [],
    });
  });

  it('reads the short form', () => {
    const c = ok('(Điều 5 Luật số 60/2014/QH13, có hiệu lực thi hành kể từ ngày 01/01/2016)');
    expect(c.full).toBe(false);
    expect(c.document).toMatchObject({ numberSymbol: '60/2014/QH13', title: null, issuer: null });
  });

  it('reads an amendment note with two kinds and a one-digit month', () => {
    const c = ok(
      '((Điều 13 Thông tư số 211/2013/TT-BTC, có hiệu lực thi hành kể từ ngày 14/02/2014, có nội dung được sửa đổi, bổ sung bởi Điều 1 Thông tư số 82/2016/TT-BTC, có hiệu lực thi hành kể từ ngày 01/8/2016))',
    );
    expect(c.amendments).toEqual([
      {
        kinds: ['sua_doi', 'bo_sung'],
        byUnit: 'Điều 1',
        byDocument: { type: 'Thông tư', numberSymbol: '82/2016/TT-BTC' },
        effectiveDate: '2016-08-01',
      },
    ]);
    expect(c.note).toContain('có nội dung được sửa đổi');
  });

  it('reads a repeal note (bị bãi bỏ)', () => {
    const c = ok(
      '(Điều 7 Luật số 23/2004/QH11, có hiệu lực thi hành kể từ ngày 01/01/2005, bị bãi bỏ bởi Điều 2 Luật số 48/2014/QH13 có hiệu lực thi hành kể từ ngày 01/01/2015)',
    );
    expect(c.amendments[0]).toMatchObject({
      kinds: ['bai_bo'],
      byDocument: { numberSymbol: '48/2014/QH13' },
    });
  });

  it('handles the printing quirks', () => {
    expect(
      ok('(Điều 2 Quyết định số 01 /2017/QĐ-TTg, có hiệu lực thi hành kể từ ngày 01/03/2017)').document
        .numberSymbol,
    ).toBe('01/2017/QĐ-TTG');
    expect(
      ok('(Điều 3 Nghị định số 12/2013/nđ-cp, có hiệu lực thi hành kể từ ngày 01/03/2013)').document
        .numberSymbol,
    ).toBe('12/2013/NĐ-CP');
    expect(
      ok('(Điều 4 Thông tư số 02/2017/TT- BVHTTDL, có hiệu lực thi hành kể từ ngày 25/08/2017)').document
        .numberSymbol,
    ).toBe('02/2017/TT-BVHTTDL');
    expect(
      ok('(Điều 1 Bộ Luật số 45/2019/QH14, có hiệu lực thi hành kể từ ngày 01/01/2021)').document.type,
    ).toBe('Bộ luật');
    expect(
      ok('(Điều 2 Thông tư số liên tịch số 01/2018/TTLT-BCA-BQP, có hiệu lực thi hành kể từ ngày 12/03/2018)')
        .document.type,
    ).toBe('Thông tư liên tịch');
    const unnumbered = ok(
      '(Điều 21 Pháp lệnh Về Hàm, cấp ngoại giao, có hiệu lực thi hành kể từ ngày 31/05/1995)',
    );
    expect(unnumbered.document).toMatchObject({
      type: 'Pháp lệnh',
      numberSymbol: null,
      title: 'Về Hàm, cấp ngoại giao',
    });
    const mucIV = ok('(Mục IV Thông tư số 59/TC-TCT, có hiệu lực thi hành kể từ ngày 16/09/1997)');
    expect(mucIV).toMatchObject({ unit: 'Mục IV', articleNumber: null });
  });

  it('keeps split effective dates in the note (Luật 62/2014/QH13 Điều 68)', () => {
    const c = ok(
      '(Điều 68 Luật số 62/2014/QH13, khoản 1, khoản 2 và khoản 3 có hiệu lực thi hành kể từ ngày 01/06/2015, khoản 4 có hiệu lực thi hành kể từ ngày 01/02/2015)',
    );
    expect(c.document.numberSymbol).toBe('62/2014/QH13');
    expect(c.note).toMatch(/^khoản 1, khoản 2 và khoản 3 có hiệu lực/);
  });

  it('reports what matches no pattern', () => {
    const r = parseCitation(
      '(Thông tư này có hiệu lực thi hành kể từ ngày 28 tháng 6 năm 2017. Bãi bỏ các văn bản sau)',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.vi).toBe('Không thấy ngày có hiệu lực');
  });
});

const day = fc.record({
  y: fc.integer({ min: 1945, max: 2030 }),
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 28 }),
});
const iso = day.map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const word = fc.constantFrom('Hộ', 'tịch', 'Quản', 'lý', 'thuế', 'đất', 'đai', 'Bảo', 'vệ', 'môi', 'trường');
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const numberSymbol = fc
  .tuple(
    fc.integer({ min: 1, max: 300 }),
    fc.integer({ min: 1990, max: 2030 }),
    fc.constantFrom('QH13', 'NĐ-CP', 'TT-BTP', 'QĐ-TTG'),
  )
  .map(([n, y, s]) => `${n}/${y}/${s}`);
const docType = fc.constantFrom(
  'Luật',
  'Nghị định',
  'Thông tư',
  'Quyết định',
  'Thông tư liên tịch',
  'Bộ luật',
);
const citation: fc.Arbitrary<Citation> = fc
  .record({
    n: fc.integer({ min: 1, max: 400 }),
    type: docType,
    numberSymbol,
    full: fc.boolean(),
    title: words,
    issueDate: iso,
    issuer: fc.constantFrom('Quốc hội', 'Chính phủ', 'Bộ Tư pháp'),
    effectiveDate: iso,
    amendments: fc.array(
      fc.record({
        kinds: fc.subarray(['sua_doi', 'bo_sung', 'bai_bo', 'huy_bo'] as const, { minLength: 1 }),
        byUnit: fc.integer({ min: 1, max: 30 }).map((k) => `Điều ${k}`),
        byDocument: fc.record({ type: docType, numberSymbol }),
        effectiveDate: iso,
      }),
      { maxLength: 2 },
    ),
  })
  .map((x) => ({
    unit: `Điều ${x.n}`,
    articleNumber: String(x.n),
    document: {
      type: x.type,
      numberSymbol: x.numberSymbol,
      title: x.full ? x.title : null,
      issueDate: x.full ? x.issueDate : null,
      issuer: x.full ? x.issuer : null,
    },
    effectiveDate: x.effectiveDate,
    full: x.full,
    note: '',
    amendments: x.amendments.map((a) => ({ ...a, kinds: [...a.kinds] })),
  }));

describe('parseCitation properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        parseCitation(s);
        parseCitation(`(Điều 1 Luật số ${s}, có hiệu lực thi hành kể từ ngày 01/01/2016${s})`);
      }),
    );
  });

  it('round-trips well-formed citations through formatCitation', () => {
    fc.assert(
      fc.property(citation, (c) => {
        const r = parseCitation(formatCitation(c));
        expect(r.ok).toBe(true);
        if (r.ok) expect({ ...r.citation, note: '' }).toEqual(c);
      }),
    );
  });
});
