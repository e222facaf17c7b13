/**
 * legal — the codified law (Bộ pháp điển) and its source normative documents.
 * Public door of the module.
 */
export {
  importPhapdien,
  type PhapdienImportOptions,
  type PhapdienImportReport,
  type PhapdienProgress,
} from './service/import-phapdien.js';
export type { LegalCounts } from './repo/report.js';
export {
  type AmendmentKind,
  type Citation,
  type CitationResult,
  formatCitation,
  parseCitation,
} from './service/parse-citation.js';
export { parseDeMuc } from './service/parse-demuc.js';
export { CHU_DE_NAMES } from './service/topics.js';
export type { DeMuc, ParsedArticle, ParsedFile, ParseProblem, StructureNode } from './service/types.js';
