import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Kysely as KyselyType, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { isEmptyDataDir, pgliteBase } from './pglite-base.js';
import { PgliteMutexPool } from './pglite-pool.js';

/**
 * The database: PGlite (embedded, default) or PostgreSQL (DATABASE_URL).
 * Both are driven through Kysely with identical SQL.
 */
// Tables are typed per module through row interfaces; the shared handle stays open.
export type Db = KyselyType<any>;
export type Tx = Transaction<any>;
export type DbOrTx = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** The underlying PGlite instance when embedded (for dump/backup). */
  pglite?: PGlite;
  close(): Promise<void>;
}

// Return bigint and numeric columns as strings, dates as ISO; timestamps stay Date.
pg.types.setTypeParser(20, (v) => v); // int8 as string; callers convert where safe
pg.types.setTypeParser(1082, (v) => v); // date as 'YYYY-MM-DD'

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; omit for in-memory. */
  dataDir?: string;
  /** PGlite: start from a dumped data dir (tar) — used by tests. */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      /* idle client errors are retried by the pool */
    });
    const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgres', db, close: () => db.destroy() };
  }
  if (opts.dataDir) fs.mkdirSync(path.resolve(opts.dataDir), { recursive: true });
  const fresh = !opts.dataDir || isEmptyDataDir(opts.dataDir);
  const pglite = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir ?? (fresh ? await pgliteBase() : undefined),
    parsers: {
      20: (v: string) => v,
      1082: (v: string) => v,
    },
  });
  const pool = new PgliteMutexPool(pglite);
  const db = new Kysely({ dialect: new PostgresDialect({ pool: pool as any }) });
  return { kind: 'pglite', db, pglite, close: () => db.destroy() };
}

export async function ping(db: Db): Promise<boolean> {
  const r = await sql<{ ok: number }>`select 1 as ok`.execute(db);
  return r.rows[0]?.ok === 1;
}

export { sql };
