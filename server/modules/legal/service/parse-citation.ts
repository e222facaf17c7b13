import type { LocalizedText } from '../../../platform/errors/app-error.js';
import { t } from '../../../platform/errors/app-error.js';
import { inlineText } from './html-text.js';

/**
 * The pGhiChu citation of a codified article: which article of which normative document it
 * comes from, when that took effect, and the amendment notes that follow. Pattern:
 * `Điều <n> <loại VB> số <số hiệu> [<trích yếu> ngày dd/mm/yyyy của <cơ quan>], có hiệu lực
 * thi hành kể từ ngày dd/mm/yyyy[, <ghi chú sửa đổi>]`.
 */

export const DOCUMENT_TYPES = [
  'Thông tư liên tịch',
  'Nghị quyết liên tịch',
  'Thông tư',
  'Nghị định',
  'Nghị quyết',
  'Quyết định',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
  'Chỉ thị',
  'Sắc lệnh',
  'Lệnh',
  'Hiến pháp',
] as const;

export type AmendmentKind = 'sua_doi' | 'bo_sung' | 'bai_bo' | 'huy_bo';

export interface CitedDocument {
  /** Loại văn bản, canonical spelling ('Bộ luật', 'Thông tư liên tịch'). */
  type: string;
  /** Số ký hiệu, upper case without spaces ('60/2014/QH13'); null when printed without one. */
  numberSymbol: string | null;
  /** Trích yếu (full form only, or the title of an unnumbered document). */
  title: string | null;
  /** dd/mm/yyyy of issue as ISO date (full form only). */
  issueDate: string | null;
  /** Cơ quan ban hành (full form only). */
  issuer: string | null;
}

export interface AmendmentNote {
  kinds: AmendmentKind[];
  /** The amending provision as printed ('Điều 1', 'khoản 2 Điều 1'). */
  byUnit: string;
  byDocument: { type: string; numberSymbol: string | null };
  effectiveDate: string | null;
}

export interface Citation {
  /** The cited unit as printed ('Điều 15', 'Mục IV', '13'); null when the citation names none. */
  unit: string | null;
  /** 'n' of 'Điều n', when the unit is an article. */
  articleNumber: string | null;
  document: CitedDocument;
  /** First effective date (ISO). */
  effectiveDate: string | null;
  /** True when the citation carries title, issue date and issuer. */
  full: boolean;
  /** Everything after the first effective date, verbatim ('' when nothing). */
  note: string;
  amendments: AmendmentNote[];
}

export type CitationResult =
  | { ok: true; citation: Citation; problems: LocalizedText[] }
  | { ok: false; text: string; reason: LocalizedText };

const DATE = String.raw`(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})`;
const EFFECTIVE = new RegExp(String.raw`có hiệu lực thi hành kể từ ngày\s*${DATE}`);
const TYPE_ALT = `Thông tư số liên tịch|${DOCUMENT_TYPES.join('|')}`;
const HEAD = new RegExp(String.raw`^(?:(.*?)\s+)?(${TYPE_ALT})(?=\s|,|$)\s*(.*)$`, 'i');
const FULL_TAIL = new RegExp(String.raw`^(.*?)\s*ngày\s*${DATE}\s+của\s+(.+)$`);
const AMEND = new RegExp(
  String.raw`^(.*?)\s+bởi\s+(.*?)\s*(${TYPE_ALT})\s+(?:số\s*:?\s*)?(\S+)(?:.*?có hiệu lực thi hành kể từ ngày\s*${DATE})?.*$`,
  'i',
);

export function isoDate(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  if (month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function canonicalType(printed: string): string {
  const folded = printed.toLowerCase();
  if (folded === 'thông tư số liên tịch') return 'Thông tư liên tịch';
  return DOCUMENT_TYPES.find((x) => x.toLowerCase() === folded) ?? printed;
}

/** Số ký hiệu as stored: no spaces, upper case ('01 /2017/qđ-ttg' → '01/2017/QĐ-TTG'). */
export function normalizeNumberSymbol(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[.,;:)]+$/, '')
    .toUpperCase();
}

const looksLikeNumber = (s: string) => /\d/.test(s) && !/^không$/i.test(s);

/** Clean text of a pGhiChu block (HTML or text): tags, doubled parentheses and final dot removed. */
export function citationText(htmlOrText: string): string {
  let s = inlineText(htmlOrText);
  for (;;) {
    const next = s.replace(/^\(\s*([\s\S]*?)\s*\)$/, '$1').replace(/\.$/, '');
    if (next === s) return s;
    s = next;
  }
}

function kindsOf(s: string): AmendmentKind[] {
  const f = s.toLowerCase();
  const kinds: AmendmentKind[] = [];
  if (f.includes('sửa đổi')) kinds.push('sua_doi');
  if (f.includes('bổ sung')) kinds.push('bo_sung');
  if (f.includes('bãi bỏ')) kinds.push('bai_bo');
  if (f.includes('hủy bỏ') || f.includes('huỷ bỏ')) kinds.push('huy_bo');
  return kinds;
}

function parseAmendment(note: string): AmendmentNote | null {
  const m = AMEND.exec(note.replace(/^[\s,;.]+/, ''));
  if (!m) return null;
  const kinds = kindsOf(m[1]);
  if (kinds.length === 0) return null;
  return {
    kinds,
    byUnit: m[2].replace(/[\s,]+$/, ''),
    byDocument: {
      type: canonicalType(m[3]),
      numberSymbol: looksLikeNumber(m[4]) ? normalizeNumberSymbol(m[4]) : null,
    },
    effectiveDate: m[5] ? isoDate(m[5], m[6], m[7]) : null,
  };
}

const fail = (text: string, vi: string, en: string): CitationResult => ({
  ok: false,
  text,
  reason: t(vi, en),
});

/** Parses one citation; never throws. Accepts the block's HTML or its text. */
export function parseCitation(input: string): CitationResult {
  const text = citationText(input);
  const eff = EFFECTIVE.exec(text);
  if (!eff) return fail(text, 'Không thấy ngày có hiệu lực', 'No effective date found');
  const problems: LocalizedText[] = [];
  const effectiveDate = isoDate(eff[1], eff[2], eff[3]);
  if (!effectiveDate) problems.push(t('Ngày có hiệu lực không hợp lệ', 'Invalid effective date'));
  let head = text.slice(0, eff.index).replace(/[\s,]+$/, '');
  // "Luật số 62/2014/QH13, khoản 1 có hiệu lực …": the scope belongs to the note, not the head.
  const scoped = /,\s*((?:khoản\s+\d|điểm\s+[a-zđ](?=[\s,])|phần\s+[IVX\d]).*)$/i.exec(head);
  const scope = scoped && /số\s*:?\s*\S+$/i.test(head.slice(0, scoped.index)) ? scoped : null;
  if (scope) head = head.slice(0, scope.index);
  const note = (scope ? `${scope[1]} ${eff[0]}` : '') + text.slice(eff.index + eff[0].length);
  const h = HEAD.exec(head);
  if (!h) return fail(text, 'Không nhận ra loại văn bản', 'Document type not recognised');
  const unit = h[1]?.trim() || null;
  const type = canonicalType(h[2]);
  let rest = h[3].trim();
  let numberSymbol: string | null = null;
  // Printing slips inside số hiệu: "01 /2017/QĐ-TTg", "02/2017/TT- BVHTTDL", "01/2012/QĐ -TTg".
  rest = rest
    .replace(/(\d)\s+\//g, '$1/')
    .replace(/^(số\s*:?\s*\d+)\s+-\s*/i, '$1-')
    .replace(/(\/[^\s,]*?)\s+-/g, '$1-')
    .replace(/(\/[^\s,]*-)\s+/g, '$1');
  const num = /^(?:số\s*:?\s*)([^\s,]+)\s*(.*)$/i.exec(rest);
  if (num) {
    if (looksLikeNumber(num[1])) {
      numberSymbol = normalizeNumberSymbol(num[1]);
      rest = num[2].trim();
    } else {
      rest = rest.replace(/^số\s*:?\s*/i, '');
      if (/^không số\b/i.test(rest)) rest = rest.slice(8).trim();
    }
  }
  let title: string | null = null;
  let issueDate: string | null = null;
  let issuer: string | null = null;
  const full = FULL_TAIL.exec(rest);
  if (full) {
    title = full[1].trim() || null;
    issueDate = isoDate(full[2], full[3], full[4]);
    issuer = full[5].trim();
  } else if (rest) {
    title = rest;
    if (numberSymbol)
      problems.push(t('Trích dẫn có phần thừa sau số hiệu', 'Unexpected text after the number'));
  }
  if (!numberSymbol && !title)
    return fail(text, 'Trích dẫn không có số hiệu hoặc tên văn bản', 'No document number or title');
  const art = unit ? /(?:^|\s)Điều\s+(\d+[a-zđ]?)\s*$/i.exec(unit) : null;
  const amendments: AmendmentNote[] = [];
  for (const part of note.split(/;\s*/)) {
    if (!/\sbởi\s/.test(part)) continue;
    const a = parseAmendment(part);
    if (a) amendments.push(a);
    else problems.push(t('Ghi chú sửa đổi không đọc được', 'Unreadable amendment note'));
  }
  return {
    ok: true,
    problems,
    citation: {
      unit,
      articleNumber: art ? art[1] : null,
      document: { type, numberSymbol, title, issueDate, issuer },
      effectiveDate,
      full: full !== null,
      note: note.trim().replace(/^,\s*/, ''),
      amendments,
    },
  };
}

const KIND_TEXT: Record<AmendmentKind, string> = {
  sua_doi: 'có nội dung được sửa đổi',
  bo_sung: 'có nội dung được bổ sung',
  bai_bo: 'có nội dung bị bãi bỏ',
  huy_bo: 'có nội dung bị hủy bỏ',
};

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** Prints a citation in the export's own form (inverse of parseCitation for well-formed input). */
export function formatCitation(c: Citation): string {
  const d = c.document;
  const parts = [c.unit, d.type, d.numberSymbol ? `số ${d.numberSymbol}` : null];
  if (c.full) parts.push(`${d.title ? `${d.title} ` : ''}ngày ${dmy(d.issueDate ?? '')} của ${d.issuer}`);
  else if (!d.numberSymbol) parts.push(d.title);
  let s = `${parts.filter(Boolean).join(' ')}, có hiệu lực thi hành kể từ ngày ${dmy(c.effectiveDate ?? '')}`;
  for (const [i, a] of c.amendments.entries()) {
    const kinds = a.kinds.map((k) => KIND_TEXT[k]).join(', ');
    const doc = `${a.byDocument.type}${a.byDocument.numberSymbol ? ` số ${a.byDocument.numberSymbol}` : ''}`;
    const eff = a.effectiveDate ? ` có hiệu lực thi hành kể từ ngày ${dmy(a.effectiveDate)}` : '';
    s += `${i === 0 ? ',' : ';'} ${kinds} bởi ${a.byUnit} ${doc}${eff}`;
  }
  return `(${s})`;
}
