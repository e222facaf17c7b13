import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, sql } from './database.js';

/**
 * Migrations are plain SQL files owned by each module (`<module>/migrations/NNN_name.sql`),
 * applied in order by the application itself at start and by `tuphap migrate`.
 * Each file runs in its own transaction; its checksum is recorded and a changed
 * file that was already applied stops the run with a clear error.
 */
export interface Migration {
  id: string;
  sql: string;
}

export interface MigrationSet {
  /** Module name; also its Postgres schema. */
  module: string;
  migrations: Migration[];
}

export function loadSqlMigrations(module: string, dirUrl: string | URL): MigrationSet {
  const dir = fileURLToPath(dirUrl);
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort();
  return {
    module,
    migrations: files.map((f) => ({
      id: f.replace(/\.sql$/, ''),
      sql: fs.readFileSync(path.join(dir, f), 'utf8'),
    })),
  };
}

const checksum = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

export interface MigrationReport {
  applied: string[];
  skipped: number;
}

export async function migrate(db: Db, sets: MigrationSet[]): Promise<MigrationReport> {
  await sql`create schema if not exists platform`.execute(db);
  await sql`
    create table if not exists platform.schema_migrations (
      module text not null,
      id text not null,
      checksum text not null,
      applied_at timestamptz not null default now(),
      primary key (module, id)
    )`.execute(db);

  const applied: string[] = [];
  let skipped = 0;
  for (const set of sets) {
    for (const m of set.migrations) {
      const done = await db.transaction().execute(async (tx) => {
        // Serialize concurrent migrators (several app nodes starting together).
        await sql`select pg_advisory_xact_lock(7310001)`.execute(tx);
        const row = await sql<{ checksum: string }>`
          select checksum from platform.schema_migrations where module = ${set.module} and id = ${m.id}`.execute(
          tx,
        );
        const sum = checksum(m.sql);
        if (row.rows[0]) {
          if (row.rows[0].checksum !== sum) {
            throw new Error(
              `Migration ${set.module}/${m.id} was changed after it was applied (checksum ${row.rows[0].checksum} → ${sum}). Add a new migration instead.`,
            );
          }
          return false;
        }
        try {
          await sql.raw(m.sql).execute(tx);
        } catch (e) {
          throw new Error(`Migration ${set.module}/${m.id} failed: ${(e as Error).message}`);
        }
        await sql`insert into platform.schema_migrations (module, id, checksum) values (${set.module}, ${m.id}, ${sum})`.execute(
          tx,
        );
        return true;
      });
      if (done) applied.push(`${set.module}/${m.id}`);
      else skipped++;
    }
  }
  return { applied, skipped };
}
