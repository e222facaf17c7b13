/**
 * Administrative units of Viet Nam (2025 two-level structure and the pre-2025 three-level
 * one), their import, the demo seed and the in-memory directory. The only public door of
 * this folder; see README.md for the id convention and the glossary.
 */
export { loadUnitDirectory, type UnitDirectory } from './directory.js';
export {
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  importAdminUnits,
  type LevelCounts,
  type RejectedRow,
} from './import.js';
export { FILES as ADMIN_UNIT_FILES } from './import-rows.js';
export { demoUnitRecords, seedDemoUnits } from './seed.js';
export { DEMO_PROVINCE_CODE } from './seed-data.js';
export type { WriteCounts } from './store.js';
export {
  currentUnitId,
  formerUnitId,
  LAST_DAY_BEFORE_REFORM,
  type MappingRecord,
  REFORM_DATE,
  ROOT_ID,
  UNIT_LEVELS,
  UNIT_TYPES,
  type UnitInfo,
  type UnitLevel,
  type UnitRecord,
} from './types.js';
