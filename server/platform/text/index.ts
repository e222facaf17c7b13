export {
  compareNormalizedVietnamese,
  compareVietnamese,
  compareVietnameseFallback,
  foldVietnamese,
  hasVietnameseCollation,
  normalizeVietnamese,
  tokenizeVietnamese,
  vietnameseSortKey,
} from './vietnamese.js';
