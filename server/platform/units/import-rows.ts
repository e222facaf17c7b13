import { type LocalizedText, t } from '../errors/app-error.js';
import type { CsvRecord } from './csv.js';
import type { StoredUnit } from './store.js';
import {
  currentUnitId,
  formerUnitId,
  LAST_DAY_BEFORE_REFORM,
  type MappingRecord,
  REFORM_DATE,
  ROOT_UNIT,
  UNIT_TYPES,
  type UnitLevel,
  type UnitRecord,
} from './types.js';

/**
 * Turns the rows of the four reference files into unit and mapping records, checking
 * codes, names, types and parents. Bad rows are collected with their reason, never thrown.
 */

export interface RejectedRow {
  file: string;
  line: number;
  reason: LocalizedText;
}

export const FILES = {
  provinces: 'provinces_2025.csv',
  communes: 'communes_2025.csv',
  former: 'units_pre2025.csv',
  mapping: 'mapping_pre2025_to_2025.csv',
} as const;

export const COLUMNS: Record<keyof typeof FILES, string[]> = {
  provinces: ['code', 'name', 'full_name', 'type'],
  communes: ['code', 'name', 'full_name', 'type', 'province_code'],
  former: [
    'province_code',
    'province_name',
    'province_type',
    'district_code',
    'district_name',
    'district_type',
    'commune_code',
    'commune_name',
    'type',
  ],
  mapping: ['old_district_code', 'old_commune_code', 'new_commune_code', 'portion', 'is_split'],
};

const DIGITS: Record<Exclude<UnitLevel, 'country'>, number> = { province: 2, district: 3, commune: 5 };
const LEVEL_VI: Record<Exclude<UnitLevel, 'country'>, string> = {
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
};

class RowError extends Error {
  constructor(readonly reason: LocalizedText) {
    super(reason.en);
  }
}
const fail = (vi: string, en: string): never => {
  throw new RowError(t(vi, en));
};

const CODE_FORMAT: Record<Exclude<UnitLevel, 'country'>, RegExp> = {
  province: /^\d{2}$/,
  district: /^\d{3}$/,
  commune: /^\d{5}$/,
};

function checkCode(level: Exclude<UnitLevel, 'country'>, v: string): string {
  const n = DIGITS[level];
  if (!CODE_FORMAT[level].test(v)) {
    fail(
      `Mã ${LEVEL_VI[level]} "${v}" không hợp lệ (cần ${n} chữ số)`,
      `Invalid ${level} code "${v}" (${n} digits expected)`,
    );
  }
  return v;
}

function required(v: string, column: string): string {
  if (!v) fail(`Thiếu giá trị ở cột ${column}`, `Missing value in column ${column}`);
  return v;
}

function checkType(level: Exclude<UnitLevel, 'country'>, v: string): string {
  let type = v.toLowerCase();
  if (level === 'province' && type === 'thành phố trung ương') type = 'thành phố';
  if (!UNIT_TYPES[level].includes(type)) {
    fail(`Loại đơn vị "${v}" không hợp lệ ở cấp ${LEVEL_VI[level]}`, `Unknown ${level} type "${v}"`);
  }
  return type;
}

/** Type words, longest first ("thành phố" before "thị xã"…). */
const TYPE_WORDS = Object.fromEntries(
  Object.entries(UNIT_TYPES).map(([level, words]) => [level, [...words].sort((a, b) => b.length - a.length)]),
) as Record<Exclude<UnitLevel, 'country'>, string[]>;

/** "Quận Ba Đình" → "Ba Đình"; numbered units keep their type word ("Phường 5"). */
export function shortName(fullName: string, level: Exclude<UnitLevel, 'country'>): string {
  const lower = fullName.toLowerCase();
  for (const w of TYPE_WORDS[level]) {
    if (lower.startsWith(`${w} `)) {
      const rest = fullName.slice(w.length + 1).trim();
      return rest && !/^\d+$/.test(rest) ? rest : fullName;
    }
  }
  return fullName;
}

/** Trimmed, single-spaced; the file text was made NFC as a whole before parsing. */
const clean = (v: string | undefined) => {
  const s = (v ?? '').trim();
  return /\s[\s]|[^\S ]/.test(s) ? s.replace(/\s+/g, ' ') : s;
};

/** A pre-2025 unit record (all built with the same property order). */
function unit(
  id: string,
  code: string,
  level: Exclude<UnitLevel, 'country'>,
  type: string,
  fullName: string,
  parentId: string,
  path: string,
  provinceCode: string,
): UnitRecord {
  return {
    id,
    code,
    level,
    type,
    name: shortName(fullName, level),
    fullName,
    parentId,
    path,
    validFrom: null,
    validTo: LAST_DAY_BEFORE_REFORM,
    provinceCode,
  };
}

export class UnitSetBuilder {
  readonly units = new Map<string, UnitRecord>();
  readonly mappings = new Map<string, MappingRecord>();
  readonly rejected: RejectedRow[] = [];
  private readonly lines = new Map<string, number>();

  constructor(private readonly stored: Map<string, StoredUnit>) {
    this.units.set(ROOT_UNIT.id, ROOT_UNIT);
  }

  private find(id: string): { level: UnitLevel; path: string; parentId: string | null } | undefined {
    return this.units.get(id) ?? this.stored.get(id);
  }

  reject(file: string, line: number, reason: LocalizedText) {
    this.rejected.push({ file, line, reason });
  }

  private each(file: string, records: CsvRecord[], fn: (v: (k: string) => string, line: number) => void) {
    for (const r of records) {
      try {
        fn((k) => clean(r.values[k]), r.line);
      } catch (e) {
        if (!(e instanceof RowError)) throw e;
        this.reject(file, r.line, e.reason);
      }
    }
  }

  /** Throws when a row of this import already defined the unit. */
  private checkFree(id: string) {
    const first = this.lines.get(id);
    if (first !== undefined)
      fail(
        `Trùng mã đơn vị "${id}" (đã có ở dòng ${first})`,
        `Duplicate unit "${id}" (first on line ${first})`,
      );
  }

  private claim(id: string, line: number) {
    this.checkFree(id);
    this.lines.set(id, line);
  }

  addProvinces(file: string, records: CsvRecord[]) {
    this.each(file, records, (v, line) => {
      const code = checkCode('province', v('code'));
      const name = required(v('name'), 'name');
      const fullName = required(v('full_name'), 'full_name');
      const type = checkType('province', required(v('type'), 'type'));
      const id = currentUnitId(code);
      this.claim(id, line);
      this.units.set(id, {
        id,
        code,
        level: 'province',
        type,
        name,
        fullName,
        parentId: ROOT_UNIT.id,
        path: `${ROOT_UNIT.path}${id}/`,
        validFrom: REFORM_DATE,
        validTo: null,
        provinceCode: code,
      });
    });
  }

  addCommunes(file: string, records: CsvRecord[]) {
    this.each(file, records, (v, line) => {
      const code = checkCode('commune', v('code'));
      const name = required(v('name'), 'name');
      const fullName = required(v('full_name'), 'full_name');
      const type = checkType('commune', required(v('type'), 'type'));
      const provinceCode = checkCode('province', v('province_code'));
      const parent = this.find(currentUnitId(provinceCode));
      if (parent?.level !== 'province') {
        fail(
          `Không có tỉnh/thành phố mã "${provinceCode}" (danh mục 2025)`,
          `Unknown 2025 province "${provinceCode}"`,
        );
      }
      const id = currentUnitId(code);
      this.claim(id, line);
      this.units.set(id, {
        id,
        code,
        level: 'commune',
        type,
        name,
        fullName,
        parentId: provinceCode,
        path: `${parent!.path}${id}/`,
        validFrom: REFORM_DATE,
        validTo: null,
        provinceCode,
      });
    });
  }

  /** One row per old commune; the province and district rows are derived and must agree. */
  addFormer(file: string, records: CsvRecord[]) {
    this.each(file, records, (v, line) => {
      const pc = checkCode('province', v('province_code'));
      const pFull = required(v('province_name'), 'province_name');
      const pType = checkType('province', required(v('province_type'), 'province_type'));
      const dc = checkCode('district', v('district_code'));
      const dFull = required(v('district_name'), 'district_name');
      const dType = checkType('district', required(v('district_type'), 'district_type'));
      const pId = formerUnitId(pc);
      const province = unit(pId, pc, 'province', pType, pFull, ROOT_UNIT.id, `${ROOT_UNIT.path}${pId}/`, pc);
      const dId = formerUnitId(dc);
      const district = unit(dId, dc, 'district', dType, dFull, pId, `${province.path}${dId}/`, pc);
      const cc = v('commune_code');
      const cFull = v('commune_name');
      const cTypeRaw = v('type');
      let commune: UnitRecord | undefined;
      if (cc || cFull || cTypeRaw) {
        const code = checkCode('commune', cc);
        const fullName = required(cFull, 'commune_name');
        const type = checkType('commune', required(cTypeRaw, 'type'));
        const id = formerUnitId(code);
        commune = unit(id, code, 'commune', type, fullName, dId, `${district.path}${id}/`, pc);
        this.checkFree(id);
      }
      this.agree(province, 'tỉnh', 'province');
      this.agree(district, 'huyện', 'district');
      this.units.set(pId, province);
      this.units.set(dId, district);
      if (commune) {
        this.claim(commune.id, line);
        this.units.set(commune.id, commune);
      }
    });
  }

  /** A derived province/district must match what earlier rows said about it. */
  private agree(u: UnitRecord, vi: string, en: string) {
    const prev = this.units.get(u.id);
    if (!prev) return;
    const fields = [
      ['fullName', 'tên', 'name'],
      ['type', 'loại', 'type'],
      ['parentId', 'đơn vị cấp trên', 'parent'],
    ] as const;
    for (const [key, fieldVi, fieldEn] of fields) {
      if (prev[key] !== u[key]) {
        const diff = `"${u[key]}" ≠ "${prev[key]}"`;
        fail(
          `Thông tin ${vi} "${u.code}" khác với các dòng trước (${fieldVi}: ${diff})`,
          `The ${en} "${u.code}" differs from earlier rows (${fieldEn}: ${diff})`,
        );
      }
    }
  }

  addMappings(file: string, records: CsvRecord[]) {
    this.each(file, records, (v) => {
      const byDistrict = v('mapping_level') === 'district';
      const dc = checkCode('district', v('old_district_code'));
      const oldCode = byDistrict ? dc : checkCode('commune', v('old_commune_code'));
      const oldId = formerUnitId(oldCode);
      const old = this.find(oldId);
      const oldLevel = byDistrict ? 'district' : 'commune';
      if (old?.level !== oldLevel) {
        fail(
          `Không có đơn vị cũ mã "${oldCode}" (trước 01/7/2025)`,
          `Unknown pre-2025 ${oldLevel} "${oldCode}"`,
        );
      }
      if (!byDistrict && old!.parentId !== formerUnitId(dc)) {
        fail(
          `Xã cũ "${oldCode}" không thuộc huyện "${dc}"`,
          `Old commune "${oldCode}" is not in district "${dc}"`,
        );
      }
      const newCode = checkCode('commune', v('new_commune_code'));
      const newId = currentUnitId(newCode);
      if (this.find(newId)?.level !== 'commune') {
        fail(
          `Không có xã/phường/đặc khu mã "${newCode}" (danh mục 2025)`,
          `Unknown 2025 commune "${newCode}"`,
        );
      }
      const portion = v('portion');
      if (portion !== 'full' && portion !== 'partial') {
        fail(
          `Cột portion phải là full hoặc partial, không phải "${portion}"`,
          `portion must be full or partial, not "${portion}"`,
        );
      }
      const split = v('is_split').toLowerCase();
      if (!['0', '1', 'true', 'false'].includes(split)) {
        fail(
          `Cột is_split phải là 0 hoặc 1, không phải "${split}"`,
          `is_split must be 0 or 1, not "${split}"`,
        );
      }
      const key = `${oldId}>${newId}`;
      if (this.mappings.has(key))
        fail(`Trùng cặp ánh xạ ${oldCode} → ${newCode}`, `Duplicate mapping ${oldCode} → ${newCode}`);
      this.mappings.set(key, {
        oldId,
        newId,
        effectiveDate: REFORM_DATE,
        portion: portion as 'full' | 'partial',
        isSplit: split === '1' || split === 'true',
      });
    });
  }
}
