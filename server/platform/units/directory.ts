import { type Db, sql } from '../db/database.js';
import { AppError, t } from '../errors/app-error.js';
import { compareNormalizedVietnamese, foldVietnamese, normalizeVietnamese } from '../text/vietnamese.js';
import type { UnitInfo, UnitLevel } from './types.js';

export type { UnitInfo } from './types.js';

export interface UnitDirectory {
  get(id: string): UnitInfo | undefined;
  /** true when unitId is scopeId itself or lies in its subtree */
  isWithin(unitId: string, scopeId: string): boolean;
  /** The direct children, sorted Vietnamese-wise; with asOf only those valid that day. */
  children(id: string, opts?: { asOf?: string }): UnitInfo[];
  /** The chain above a unit, root first, without the unit itself. */
  ancestors(id: string): UnitInfo[];
  /** Diacritic- and tone-placement-insensitive search by name or code, best matches first. */
  search(q: string, opts?: { limit?: number; asOf?: string; level?: UnitInfo['level'] }): UnitInfo[];
  /** Where a pre-2025 unit went (advisory mapping, for search only). */
  successors(oldId: string): Array<{ unit: UnitInfo; portion: 'full' | 'partial'; isSplit: boolean }>;
  reload(): Promise<void>;
}

interface Entry {
  unit: UnitInfo;
  /** normalizeVietnamese(name), for sorting. */
  sortName: string;
  /** Folded name and full name. */
  nameFold: string;
  fullFold: string;
  /** Folded words of the full name. */
  words: string[];
  /** Lower-case normalized name and full name, for diacritic-exact matches. */
  exact: string;
}

interface Link {
  newId: string;
  portion: 'full' | 'partial';
  isSplit: boolean;
}

interface State {
  byId: Map<string, Entry>;
  children: Map<string, UnitInfo[]>;
  links: Map<string, Link[]>;
  entries: Entry[];
}

const LEVEL_RANK: Record<UnitLevel, number> = { country: 0, province: 1, district: 2, commune: 3 };

function checkDate(asOf: string | undefined): string | undefined {
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new AppError(
      'VALIDATION',
      t(`Ngày "${asOf}" không đúng dạng YYYY-MM-DD`, `Date "${asOf}" is not YYYY-MM-DD`),
    );
  }
  return asOf;
}

const validOn = (u: UnitInfo, day: string | undefined) =>
  day === undefined ||
  ((u.validFrom === null || u.validFrom <= day) && (u.validTo === null || u.validTo >= day));

async function loadState(db: Db): Promise<State> {
  const units = await sql<{
    id: string;
    code: string;
    level: UnitLevel;
    type: string;
    name: string;
    full_name: string;
    parent_id: string | null;
    path: string;
    valid_from: string | null;
    valid_to: string | null;
  }>`select id, code, level, type, name, full_name, parent_id, path,
            valid_from::text as valid_from, valid_to::text as valid_to
     from platform.admin_units`.execute(db);
  const maps = await sql<{ old_id: string; new_id: string; portion: 'full' | 'partial'; is_split: boolean }>`
    select old_id, new_id, portion, is_split from platform.admin_unit_mapping order by old_id, new_id`.execute(
    db,
  );

  const byId = new Map<string, Entry>();
  const entries: Entry[] = [];
  for (const r of units.rows) {
    const unit: UnitInfo = Object.freeze({
      id: r.id,
      code: r.code,
      level: r.level,
      type: r.type,
      name: r.name,
      fullName: r.full_name,
      parentId: r.parent_id,
      path: r.path,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    });
    const fullFold = foldVietnamese(r.full_name);
    const entry: Entry = {
      unit,
      sortName: normalizeVietnamese(r.name),
      nameFold: foldVietnamese(r.name),
      fullFold,
      words: wordsOf(fullFold),
      exact: `${normalizeVietnamese(r.name).toLowerCase()}\n${normalizeVietnamese(r.full_name).toLowerCase()}`,
    };
    byId.set(r.id, entry);
    entries.push(entry);
  }
  entries.sort(compareEntries);
  const children = new Map<string, UnitInfo[]>();
  for (const e of entries) {
    const p = e.unit.parentId;
    if (p === null) continue;
    const list = children.get(p);
    if (list) list.push(e.unit);
    else children.set(p, [e.unit]);
  }
  const links = new Map<string, Link[]>();
  for (const m of maps.rows) {
    const link: Link = { newId: m.new_id, portion: m.portion, isSplit: m.is_split };
    const list = links.get(m.old_id);
    if (list) list.push(link);
    else links.set(m.old_id, [link]);
  }
  return { byId, children, links, entries };
}

/** Current units before former ones, then by Vietnamese name, then by id. */
function compareEntries(a: Entry, b: Entry): number {
  const era = Number(a.unit.validTo !== null) - Number(b.unit.validTo !== null);
  return era || compareNormalizedVietnamese(a.sortName, b.sortName) || (a.unit.id < b.unit.id ? -1 : 1);
}

/** Words of a folded name; "m'drak" gives "m", "drak" and "mdrak". */
function wordsOf(folded: string): string[] {
  const words = folded.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  const out = new Set<string>();
  for (const w of words) {
    if (!w.includes("'")) {
      out.add(w);
      continue;
    }
    for (const part of w.split("'")) if (part) out.add(part);
    out.add(w.replace(/'/g, ''));
  }
  return [...out];
}

/** Match strength of an entry for a folded query (0 = no match). */
function nameScore(e: Entry, folded: string, tokens: string[]): number {
  if (e.nameFold === folded || e.fullFold === folded) return 400;
  if (e.nameFold.startsWith(folded) || e.fullFold.startsWith(folded)) return 300;
  if (e.fullFold.includes(folded)) return 200;
  if (tokens.every((tok) => e.words.some((w) => w.startsWith(tok)))) return 100;
  return 0;
}

class Directory implements UnitDirectory {
  private state: State = { byId: new Map(), children: new Map(), links: new Map(), entries: [] };

  constructor(private readonly db: Db) {}

  async reload(): Promise<void> {
    this.state = await loadState(this.db);
  }

  get(id: string): UnitInfo | undefined {
    return this.state.byId.get(id)?.unit;
  }

  isWithin(unitId: string, scopeId: string): boolean {
    const unit = this.state.byId.get(unitId)?.unit;
    const scope = this.state.byId.get(scopeId)?.unit;
    return !!unit && !!scope && unit.path.startsWith(scope.path);
  }

  children(id: string, opts: { asOf?: string } = {}): UnitInfo[] {
    const day = checkDate(opts.asOf);
    return (this.state.children.get(id) ?? []).filter((u) => validOn(u, day));
  }

  ancestors(id: string): UnitInfo[] {
    const chain: UnitInfo[] = [];
    const seen = new Set<string>([id]);
    let parentId = this.get(id)?.parentId ?? null;
    while (parentId !== null && !seen.has(parentId)) {
      const parent = this.get(parentId);
      if (!parent) break;
      seen.add(parentId);
      chain.unshift(parent);
      parentId = parent.parentId;
    }
    return chain;
  }

  search(q: string, opts: { limit?: number; asOf?: string; level?: UnitLevel } = {}): UnitInfo[] {
    const day = checkDate(opts.asOf);
    const limit = Math.max(0, Math.min(opts.limit ?? 20, 1000));
    const query = normalizeVietnamese(q).toLowerCase();
    const folded = foldVietnamese(query);
    if (!folded || limit === 0) return [];
    const tokens = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const code = /^o?\d+$/.test(folded) ? folded : undefined;
    const withMarks = folded !== query;
    const hits: Array<{ e: Entry; score: number }> = [];
    for (const e of this.state.entries) {
      const u = e.unit;
      if ((opts.level && u.level !== opts.level) || !validOn(u, day)) continue;
      let score = 0;
      if (code) {
        if (u.id === code || u.code === code) score = 500;
        else if ((code.startsWith('o') ? u.id : u.code).startsWith(code)) score = 350;
      }
      if (!score) score = nameScore(e, folded, tokens);
      if (!score) continue;
      if (withMarks && e.exact.includes(query)) score += 50;
      hits.push({ e, score });
    }
    // entries are already in (era, name) order, and sort is stable
    hits.sort((a, b) => b.score - a.score || LEVEL_RANK[a.e.unit.level] - LEVEL_RANK[b.e.unit.level]);
    return hits.slice(0, limit).map((h) => h.e.unit);
  }

  successors(oldId: string): Array<{ unit: UnitInfo; portion: 'full' | 'partial'; isSplit: boolean }> {
    const old = this.get(oldId);
    if (!old || old.validTo === null) return [];
    const direct = this.state.links.get(oldId);
    if (direct) {
      return direct.flatMap((l) => {
        const unit = this.get(l.newId);
        return unit ? [{ unit, portion: l.portion, isSplit: l.isSplit }] : [];
      });
    }
    // A pre-2025 district or province: gather the mapping of the units below it;
    // a province is summarised by 2025 province, a district by 2025 commune.
    const links: Link[] = [];
    const walk = (id: string) => {
      const own = this.state.links.get(id);
      if (own) links.push(...own);
      else for (const c of this.state.children.get(id) ?? []) walk(c.id);
    };
    walk(oldId);
    const targets = new Map<string, UnitInfo>();
    for (const l of links) {
      let unit = this.get(l.newId);
      if (unit && old.level === 'province' && unit.parentId) unit = this.get(unit.parentId);
      if (unit) targets.set(unit.id, unit);
    }
    const isSplit = targets.size > 1;
    const portion = isSplit ? 'partial' : 'full';
    return [...targets.values()]
      .sort((a, b) => compareNormalizedVietnamese(normalizeVietnamese(a.name), normalizeVietnamese(b.name)))
      .map((unit) => ({ unit, portion, isSplit }));
  }
}

/** Loads every unit and the reform mapping into memory; call reload() after an import. */
export async function loadUnitDirectory(db: Db): Promise<UnitDirectory> {
  const dir = new Directory(db);
  await dir.reload();
  return dir;
}
