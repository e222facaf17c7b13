import { AppError, t } from '../../../platform/errors/app-error.js';
import { blockText, inlineText, sanitizeHtml } from './html-text.js';
import { citationText, parseCitation } from './parse-citation.js';
import type {
  ArticleRef,
  DeMuc,
  ParsedArticle,
  ParsedFile,
  ParseProblem,
  StructureLevel,
  StructureNode,
} from './types.js';

/**
 * Parses one đề mục file of the Bộ pháp điển export (see the data README). The HTML is not
 * well-formed, so the `_content` div is split on its block openers (pChuong, pDieu, pGhiChu,
 * pNoiDung, pChiDan) instead of being read with a DOM. Pure: no I/O, never throws on content
 * (only on a file that is not a đề mục at all); what it cannot read becomes a problem.
 */

const BLOCK = /<p class=['"](pChuong|pDieu|pGhiChu|pNoiDung|pChiDan)['"]\s*>/g;
const HEADING = /<h3\b[^>]*>([\s\S]*?)<\/h3>/i;
const ANCHOR = /^\s*<a\s+name=['"](\d+)['"]\s*>\s*<\/a>/i;
const LEVELS: Array<[RegExp, StructureLevel, number]> = [
  [/^phần\b/i, 'phan', 1],
  [/^chương\b/i, 'chuong', 2],
  [/^tiểu mục\b/i, 'tieu_muc', 4],
  [/^mục\b/i, 'muc', 3],
];
const RANK: Record<StructureLevel, number> = { phan: 1, chuong: 2, muc: 3, tieu_muc: 4 };

/** Reads the đề mục number and title from the `<h3>`: "Đề mục 15.3<br />Hộ tịch". */
export function parseDeMucHeading(html: string): { number: string; title: string; chuDe: number } | null {
  const h = HEADING.exec(html);
  if (!h) return null;
  const [first, ...rest] = h[1].split(/<br\s*\/?>/i);
  const num = /Đề mục\s+(\d{1,2})\.(\d{1,3})/i.exec(inlineText(first));
  if (!num) return null;
  return {
    number: `${Number(num[1])}.${Number(num[2])}`,
    title: inlineText(rest.join(' ')),
    chuDe: Number(num[1]),
  };
}

/** Drops the closing `</p>` of a block (the content between two openers). */
const blockBody = (s: string) => s.replace(/\s*<\/p>\s*$/i, '').replace(/<\/div>\s*$/i, '');

export function parseDeMuc(html: string, deMucId: string, file?: string): ParsedFile {
  const source = html.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const heading = parseDeMucHeading(source);
  if (!heading) {
    throw new AppError(
      'VALIDATION',
      t('Tệp không có tiêu đề đề mục (thẻ h3)', 'The file has no đề mục heading (h3)'),
      { file },
    );
  }
  const deMuc: DeMuc = { id: deMucId, ...heading };
  const problems: ParseProblem[] = [];
  const structure: StructureNode[] = [];
  const articles: ParsedArticle[] = [];
  const refs: ArticleRef[] = [];
  const start = source.search(/<div class=['"]_content['"]\s*>/i);
  const content =
    start < 0
      ? ''
      : source
          .slice(start)
          .replace(/^<div[^>]*>/i, '')
          .replace(/<\/div>\s*$/i, '');

  const openers = [...content.matchAll(BLOCK)];
  const stack: StructureNode[] = [];
  const seen = new Set<string>();
  const refKeys = new Set<string>();
  let pendingTitle: StructureNode | null = null;
  /** Article id or heading anchor the next pChiDan belongs to. */
  let holder: string | null = null;
  let article: ParsedArticle | null = null;
  let skipping = false;
  let articleBlocks = 0;
  const problem = (articleId: string | null, vi: string, en: string, text?: string) =>
    problems.push({ file, articleId, reason: t(vi, en), ...(text ? { text } : {}) });

  for (const [i, m] of openers.entries()) {
    const kind = m[1];
    const end = i + 1 < openers.length ? openers[i + 1].index : content.length;
    const body = blockBody(content.slice(m.index + m[0].length, end));
    if (kind === 'pChuong') {
      article = null;
      skipping = false;
      const a = ANCHOR.exec(body);
      const text = inlineText(body);
      if (!a) {
        if (pendingTitle) pendingTitle.title = text;
        else
          problem(
            null,
            `Tiêu đề cấu trúc không có nhãn: ${text}`,
            `Structure title without a label: ${text}`,
          );
        pendingTitle = null;
        continue;
      }
      const lv = LEVELS.find(([re]) => re.test(text));
      const level = lv ? lv[1] : 'muc';
      if (!lv) problem(a[1], `Không nhận ra cấp cấu trúc: ${text}`, `Unknown structure level: ${text}`);
      while (stack.length && RANK[stack[stack.length - 1].level] >= RANK[level]) stack.pop();
      const node: StructureNode = {
        anchor: a[1],
        deMucId,
        level,
        label: text,
        title: '',
        parentAnchor: stack.length ? stack[stack.length - 1].anchor : null,
        order: structure.length + 1,
      };
      structure.push(node);
      holder = node.anchor;
      stack.push(node);
      pendingTitle = node;
      continue;
    }
    pendingTitle = null;
    if (kind === 'pDieu') {
      articleBlocks++;
      article = null;
      skipping = false;
      const a = ANCHOR.exec(body);
      const text = inlineText(body);
      if (!a) {
        problem(null, `Điều không có mã: ${text}`, `Article without an id: ${text}`);
        skipping = true;
        continue;
      }
      const id = a[1];
      if (seen.has(id)) {
        problem(
          id,
          'Mã điều lặp lại trong đề mục; giữ lần đầu',
          'Article id repeated in the file; first kept',
        );
        skipping = true;
        continue;
      }
      seen.add(id);
      const h = /^Điều\s+(\S+)\s*(.*)$/.exec(text);
      if (!h) problem(id, `Tiêu đề điều không đúng mẫu: ${text}`, `Article heading does not match: ${text}`);
      const parent = [...stack].reverse().find((n) => id.startsWith(n.anchor)) ?? stack[stack.length - 1];
      article = {
        id,
        deMucId,
        parentAnchor: parent?.anchor ?? null,
        number: h ? `Điều ${h[1]}` : '',
        title: h ? h[2] : text,
        order: articles.length + 1,
        bodyText: '',
        bodyHtml: '',
        citationText: null,
        citation: null,
        vbplItemIds: [],
      };
      articles.push(article);
      holder = id;
      continue;
    }
    if (skipping) continue;
    if (kind === 'pChiDan') {
      // Cross-references hang on an article or on a heading ("Chương này có nội dung liên quan đến …").
      const from = holder;
      if (!from) {
        problem(null, 'Dẫn chiếu nằm ngoài điều và đề mục', 'Reference block outside any article or heading');
        continue;
      }
      const targets = new Set(
        [...body.matchAll(/ViewNoiDungPhapDien\(\s*['"](\d+)['"]\s*\)/g)].map((x) => x[1]),
      );
      for (const to of targets) {
        if (to === from || refKeys.has(`${from}>${to}`)) continue;
        refKeys.add(`${from}>${to}`);
        refs.push({ from, to });
      }
      continue;
    }
    if (!article) {
      problem(null, `Khối ${kind} nằm ngoài điều`, `${kind} block outside an article`);
      continue;
    }
    if (kind === 'pGhiChu') {
      article.citationText = citationText(body);
      article.vbplItemIds = [...body.matchAll(/ItemID=(\d+)/gi)].map((x) => x[1]);
      const r = parseCitation(body);
      if (r.ok) {
        article.citation = r.citation;
        for (const p of r.problems)
          problems.push({ file, articleId: article.id, reason: p, text: article.citationText });
      } else problems.push({ file, articleId: article.id, reason: r.reason, text: r.text });
    } else if (kind === 'pNoiDung') {
      article.bodyText = blockText(body);
      article.bodyHtml = sanitizeHtml(body);
    }
  }
  for (const a of articles) {
    if (a.citationText === null)
      problem(a.id, 'Điều không có trích dẫn nguồn', 'Article has no source citation');
  }
  return { deMuc, structure, articles, refs, problems, articleBlocks };
}
