/** Administrative units: shared types and the id convention. */

export type UnitLevel = 'country' | 'province' | 'district' | 'commune';

export const UNIT_LEVELS: readonly UnitLevel[] = ['country', 'province', 'district', 'commune'];

export interface UnitInfo {
  id: string;
  code: string;
  level: UnitLevel;
  type: string;
  name: string;
  fullName: string;
  parentId: string | null;
  path: string;
  validFrom: string | null;
  validTo: string | null;
}

/** A unit as stored: UnitInfo plus the code of its province (in its own era). */
export interface UnitRecord extends UnitInfo {
  provinceCode: string | null;
}

/** One (old unit → 2025 unit) pair of the reform mapping. */
export interface MappingRecord {
  oldId: string;
  newId: string;
  effectiveDate: string;
  portion: 'full' | 'partial';
  isSplit: boolean;
}

/** The root of both structures. */
export const ROOT_ID = 'VN';
/** First day of the 2025 structure (NQ 202/2025/QH15, Luật 72/2025/QH15). */
export const REFORM_DATE = '2025-07-01';
/** Last day of the pre-2025 (63 provinces, three levels) structure. */
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';

/** Id of a 2025 unit: its official code ('01', '00070'). */
export const currentUnitId = (code: string): string => code;
/** Id of a pre-2025 unit: 'o' + its code ('o01', 'o001', 'o00001'); the codes were reused in 2025. */
export const formerUnitId = (code: string): string => `o${code}`;

/** The country row, parent of the provinces of both structures. */
export const ROOT_UNIT: UnitRecord = {
  id: ROOT_ID,
  code: ROOT_ID,
  level: 'country',
  type: 'quốc gia',
  name: 'Việt Nam',
  fullName: 'Cộng hòa xã hội chủ nghĩa Việt Nam',
  parentId: null,
  path: `/${ROOT_ID}/`,
  validFrom: null,
  validTo: null,
  provinceCode: null,
};

/** Unit types by level, lower case as in the 2025 lists. */
export const UNIT_TYPES: Record<Exclude<UnitLevel, 'country'>, readonly string[]> = {
  province: ['tỉnh', 'thành phố'],
  district: ['quận', 'huyện', 'thị xã', 'thành phố'],
  commune: ['xã', 'phường', 'thị trấn', 'đặc khu'],
};
