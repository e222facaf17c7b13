import type { Unit } from '../../../contracts/admin.js';
import { api, segment } from './client.js';

export type UnitLevel = Unit['level'];

/** GET /api/units/:id also names the parents and, for pre-2025 units, the units they went into. */
export interface UnitDetail extends Unit {
  ancestors?: Unit[];
  successors?: Array<Unit & { portion: 'full' | 'partial'; isSplit: boolean }>;
}

export const unitKey = (id: string) => ['units', 'one', id] as const;

export function fetchUnit(id: string, signal?: AbortSignal): Promise<UnitDetail> {
  return api.get<UnitDetail>(`/api/units/${segment(id)}`, { signal });
}

export async function fetchUnitChildren(id: string, signal?: AbortSignal): Promise<Unit[]> {
  const result = await api.get<{ items: Unit[] }>(`/api/units/${segment(id)}/children`, { signal });
  return result.items;
}

export async function searchUnits(q: string, level?: UnitLevel, signal?: AbortSignal): Promise<Unit[]> {
  const result = await api.get<{ items: Unit[] }>('/api/units', { query: { q, level, limit: 50 }, signal });
  return result.items;
}

/** Units of the structure before the 1 July 2025 reorganisation ('o'-prefixed ids, or ended by then). */
export function isHistoricalUnit(unit: Pick<Unit, 'id' | 'validTo'>): boolean {
  return unit.id.startsWith('o') || (unit.validTo !== null && unit.validTo <= '2025-07-01');
}
