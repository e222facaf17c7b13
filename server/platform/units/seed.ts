import type { DbOrTx, Tx } from '../db/database.js';
import { DEMO_COMMUNES, DEMO_PROVINCE_CODE, DEMO_PROVINCES } from './seed-data.js';
import { upsertUnits, type WriteCounts } from './store.js';
import { currentUnitId, REFORM_DATE, ROOT_UNIT, type UnitRecord } from './types.js';

const fullName = (type: string, name: string) => `${type.charAt(0).toUpperCase()}${type.slice(1)} ${name}`;

/** The demo units as records: the country, 34 provinces of 2025, the communes of Bắc Ninh. */
export function demoUnitRecords(): UnitRecord[] {
  const provinces: UnitRecord[] = DEMO_PROVINCES.map(([code, name, type]) => {
    const id = currentUnitId(code);
    return {
      id,
      code,
      level: 'province',
      type,
      name,
      fullName: fullName(type, name),
      parentId: ROOT_UNIT.id,
      path: `${ROOT_UNIT.path}${id}/`,
      validFrom: REFORM_DATE,
      validTo: null,
      provinceCode: code,
    };
  });
  const parent = provinces.find((p) => p.code === DEMO_PROVINCE_CODE)!;
  const communes: UnitRecord[] = DEMO_COMMUNES.map(([code, name, type]) => {
    const id = currentUnitId(code);
    return {
      id,
      code,
      level: 'commune',
      type,
      name,
      fullName: fullName(type, name),
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      validFrom: REFORM_DATE,
      validTo: null,
      provinceCode: parent.code,
    };
  });
  return [ROOT_UNIT, ...provinces, ...communes];
}

/**
 * Seeds the demo units (no shared data folder needed). Idempotent: rows already present
 * and identical are left alone; a later full import keeps the same ids.
 */
export async function seedDemoUnits(db: DbOrTx): Promise<WriteCounts> {
  const rows = demoUnitRecords();
  return db.isTransaction
    ? upsertUnits(db, rows)
    : db.transaction().execute((tx: Tx) => upsertUnits(tx, rows));
}
