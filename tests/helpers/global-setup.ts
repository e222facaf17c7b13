import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/platform/db/database.js';
import { migrate } from '../../server/platform/db/migrations.js';
import { allMigrationSets } from '../../server/platform/db/registry.js';

/**
 * Builds one migrated template database per test run. Each test file then clones it
 * (PGlite: from a dumped data dir; PostgreSQL: CREATE DATABASE ... TEMPLATE).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: { kind: 'pglite'; file: string } | { kind: 'postgres'; url: string; template: string };
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `tuphap_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    await admin.end();
    const tplUrl = withDatabase(url, template);
    const database = await openDatabase({ databaseUrl: tplUrl, poolSize: 2 });
    await migrate(database.db, allMigrationSets());
    await database.close();
    project.provide('dbTemplate', { kind: 'postgres', url, template });
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const dbs = await c.query<{ datname: string }>(
        `select datname from pg_database where datname like 'tuphap_t_%' or datname = $1`,
        [template],
      );
      for (const r of dbs.rows) await c.query(`drop database if exists ${r.datname} with (force)`);
      await c.end();
    };
  }
  const database = await openDatabase({});
  await migrate(database.db, allMigrationSets());
  const blob = await database.pglite!.dumpDataDir('none');
  const file = path.join(os.tmpdir(), `tuphap-template-${process.pid}-${randomBytes(3).toString('hex')}.tar`);
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  project.provide('dbTemplate', { kind: 'pglite', file });
  return () => fs.rmSync(file, { force: true });
}

export function withDatabase(url: string, dbName: string): string {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return u.toString();
}
