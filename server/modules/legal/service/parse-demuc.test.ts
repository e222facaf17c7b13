import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockText, sanitizeHtml } from './html-text.js';
import { parseDeMuc, parseDeMucHeading } from './parse-demuc.js';

// A hand-written đề mục in the export's raw format (kept as .txt so linters leave its HTML alone) (BOM, CRLF-free, nested <p>, doubled
// parentheses, a heading-level pChiDan, a repeated article id).
const html = fs.readFileSync(new URL('../fixtures/demuc-small.txt', import.meta.url), 'utf8');
const ID = 'd0a39796-1eb4-4862-972b-87d5ad87ae2c';

describe('parseDeMuc', () => {
  const r = parseDeMuc(html, ID, 'small.html');

  it('reads the đề mục heading', () => {
    expect(r.deMuc).toEqual({ id: ID, number: '15.3', title: 'Hộ tịch', chuDe: 15 });
    expect(parseDeMucHeading('<h3>nothing</h3>')).toBeNull();
  });

  it('reads headings with their titles, levels and parents', () => {
    expect(r.structure.map((s) => [s.level, s.label, s.title, s.parentAnchor])).toEqual([
      ['chuong', 'Chương I', 'NHỮNG QUY ĐỊNH CHUNG', null],
      ['chuong', 'Chương II', 'ĐĂNG KÝ', null],
      ['muc', 'Mục 1', 'KHAI SINH', '15003000000000002000'],
    ]);
  });

  it('reads articles: number, title, parent, body lines, citation', () => {
    expect(r.articleBlocks).toBe(4);
    expect(r.articles.map((a) => [a.number, a.title, a.parentAnchor])).toEqual([
      ['Điều 15.3.LQ.1.', 'Phạm vi điều chỉnh', '15003000000000001000'],
      ['Điều 15.3.LQ.2.', '', '15003000000000001000'],
      ['Điều 15.3.LQ.3.', 'Thẩm quyền', '1500300000000000200000010000000000000000'],
    ]);
    const [first, second] = r.articles;
    expect(first.bodyText).toBe(
      'Luật này quy định về hộ tịch; quyền, nghĩa vụ của cá nhân.\n1. Khoản một;\na) Điểm a.',
    );
    expect(first.citation?.document.numberSymbol).toBe('60/2014/QH13');
    expect(first.vbplItemIds).toEqual(['70814']);
    expect(second.citation?.amendments[0]).toMatchObject({ kinds: ['sua_doi'], byUnit: 'Điều 1' });
    expect(second.vbplItemIds).toEqual(['1', '2']);
    expect(second.bodyHtml).toBe('<table><tr><td colspan="2"><b>Ô</b> một</td></tr></table>liên kết');
  });

  it('reads references of articles and of headings, without self references', () => {
    expect(r.refs).toEqual([
      { from: '15003000000000001000', to: '3900900000000000100000100000000000000000' },
      { from: '1500300000000000100000100000000000000000', to: '1500300000000000100000200000000000000000' },
    ]);
  });

  it('reports what it could not read, with the article id', () => {
    expect(r.problems.map((p) => [p.articleId, p.reason.en])).toEqual([
      [
        '150030000000000020000001000000000000000000003000000000000000',
        'Article id repeated in the file; first kept',
      ],
    ]);
    expect(r.articles[2].citation?.document).toMatchObject({ type: 'Pháp lệnh', numberSymbol: null });
  });

  it('reads an empty đề mục', () => {
    const empty = `${html.slice(0, html.indexOf("<div class='_content'>") + 22)}</div>`;
    const e = parseDeMuc(empty, ID);
    expect([e.articles.length, e.structure.length, e.problems.length]).toEqual([0, 0, 0]);
  });
});

describe('article text and HTML', () => {
  it('keeps only the allowed tags', () => {
    const out = sanitizeHtml(
      `<p class="MsoNormal" onclick="x()"><span>a</span><img src=x onerror=y><i>b</i><br/><u>c</u></p><iframe></iframe><!-- c --><style>p{}</style>`,
    );
    expect(out).toBe('<p>a<i>b</i><br><u>c</u></p>');
  });

  it('keeps paragraphs as lines', () => {
    expect(blockText('<p>1. Một</p><p> a) Hai&amp;ba </p><table><tr><td>x</td><td>y</td></tr></table>')).toBe(
      '1. Một\na) Hai&ba\nx y',
    );
  });
});
