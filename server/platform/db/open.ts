import path from 'node:path';
import type { Env } from '../env.js';
import { type Database, openDatabase } from './database.js';
import { migrate } from './migrations.js';
import { allMigrationSets } from './registry.js';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR). */
export function openConfiguredDatabase(env: Env): Promise<Database> {
  if (env.DATABASE_URL)
    return openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
  return openDatabase({ dataDir: path.join(env.dataDir, 'pgdata') });
}

export async function openAndMigrate(env: Env) {
  const database = await openConfiguredDatabase(env);
  const report = await migrate(database.db, allMigrationSets());
  return { database, report };
}
