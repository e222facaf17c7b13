import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../server/platform/db/database.js';
import { withDatabase } from './global-setup.js';

/**
 * A fresh, migrated database for one test file, cloned from the run's template.
 * Runs on PGlite by default and on real PostgreSQL when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const tpl = inject('dbTemplate');
  if (tpl.kind === 'pglite') {
    const data = fs.readFileSync(tpl.file);
    return openDatabase({ loadDataDir: new Blob([data]) });
  }
  const name = `tuphap_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tpl.url });
  await admin.connect();
  await admin.query(`create database ${name} template ${tpl.template}`);
  await admin.end();
  const url = withDatabase(tpl.url, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 20 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: tpl.url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
