import type { LocalizedText } from '../../../platform/errors/app-error.js';
import type { AmendmentKind, Citation } from './parse-citation.js';

/** Đề mục (subject): one file of the export, numbered C.N under chủ đề (topic) C. */
export interface DeMuc {
  id: string;
  number: string;
  title: string;
  chuDe: number;
}

export type StructureLevel = 'phan' | 'chuong' | 'muc' | 'tieu_muc';

/** A Phần/Chương/Mục/Tiểu mục heading; its anchor is a prefix of the ids of its articles. */
export interface StructureNode {
  anchor: string;
  deMucId: string;
  level: StructureLevel;
  /** As printed: 'Chương I', 'Mục 2'. */
  label: string;
  title: string;
  parentAnchor: string | null;
  order: number;
}

export interface ParsedArticle {
  /** MAPC id of the article (40/60/100 digits). */
  id: string;
  deMucId: string;
  parentAnchor: string | null;
  /** As printed: 'Điều 15.3.LQ.1.' */
  number: string;
  title: string;
  order: number;
  bodyText: string;
  bodyHtml: string;
  /** The citation's clean text; null when the block is missing. */
  citationText: string | null;
  citation: Citation | null;
  /** vbpl.vn ItemIDs of the citation links, source document first. */
  vbplItemIds: string[];
}

export interface ArticleRef {
  from: string;
  to: string;
}

export interface ParseProblem {
  file?: string;
  articleId: string | null;
  reason: LocalizedText;
  text?: string;
}

export interface ParsedFile {
  deMuc: DeMuc;
  structure: StructureNode[];
  articles: ParsedArticle[];
  refs: ArticleRef[];
  problems: ParseProblem[];
  /** pDieu blocks seen, duplicates included. */
  articleBlocks: number;
}

export type { AmendmentKind, Citation };
