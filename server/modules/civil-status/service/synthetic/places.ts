/**
 * Birth places and ethnicities for synthetic people.
 */
import { demoUnitRecords, type UnitRecord } from '../../../../platform/units/index.js';
import { idProvinceCodeOf } from '../provinces.js';

/** A commune where people are born, live or register events. */
export interface PlaceUnit {
  id: string;
  /** "Xã Đại Sơn, tỉnh Bắc Ninh". */
  label: string;
  provinceCode: string | null;
  /** Three-digit province code used in personal ID numbers for births registered here. */
  idProvinceCode: string | null;
}

/**
 * Pre-2025 province of the demo communes (2025 Bắc Ninh = former Bắc Giang + Bắc Ninh). Each 2025
 * commune keeps the code of its host commune; in the pre-2025 list (../shared/data/admin-units,
 * units_pre2025.csv) Bắc Giang's communes are 07201–07885 and Bắc Ninh's 09163–09535.
 */
const DEMO_FORMER_PROVINCES: readonly { from: string; to: string; idProvinceCode: string }[] = [
  { from: '07201', to: '07885', idProvinceCode: '024' },
  { from: '09163', to: '09535', idProvinceCode: '027' },
];

function idProvinceOfCommune(unit: UnitRecord): string | null {
  if (unit.provinceCode === '24') {
    const range = DEMO_FORMER_PROVINCES.find((r) => r.from <= unit.code && unit.code <= r.to);
    if (range) return range.idProvinceCode;
  }
  return idProvinceCodeOf(unit.provinceCode);
}

/** The communes of a unit list as birth places, labelled with their province. */
export function placesFromUnits(records: readonly UnitRecord[]): PlaceUnit[] {
  const provinces = new Map(records.filter((u) => u.level === 'province').map((u) => [u.code, u]));
  return records
    .filter((u) => u.level === 'commune')
    .map((u) => {
      const province = u.provinceCode ? provinces.get(u.provinceCode) : undefined;
      const provinceLabel = province ? `${province.type} ${province.name}` : null;
      return {
        id: u.id,
        label: provinceLabel ? `${u.fullName}, ${provinceLabel}` : u.fullName,
        provinceCode: u.provinceCode,
        idProvinceCode: idProvinceOfCommune(u),
      };
    });
}

/** The default places: the demo communes of Bắc Ninh. */
export const demoPlaces = (): PlaceUnit[] => placesFromUnits(demoUnitRecords());

/**
 * Ethnic groups with approximate national shares in per cent (2019 census, rounded; general
 * knowledge, good enough for test data). Names as in the official list of 54 groups.
 */
export const ETHNICITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Kinh', 85.3],
  ['Tày', 1.9],
  ['Thái', 1.9],
  ['Mường', 1.5],
  ['Mông', 1.5],
  ['Khmer', 1.4],
  ['Nùng', 1.1],
  ['Dao', 0.9],
  ['Hoa', 0.8],
  ['Gia Rai', 0.5],
  ['Ê Đê', 0.4],
  ['Ba Na', 0.3],
  ['Sán Dìu', 0.2],
  ['Chăm', 0.2],
  ['Sán Chay', 0.2],
  ['Cơ Ho', 0.2],
  ['Xơ Đăng', 0.2],
];
