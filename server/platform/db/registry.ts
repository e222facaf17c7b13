import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSqlMigrations, type MigrationSet } from './migrations.js';

/**
 * Every migration set of the product: the kernel's (schema `platform`) first, then each module's
 * `server/modules/<name>/migrations/` in name order. A module's set is named after the module,
 * which is also its Postgres schema (dashes become underscores: civil-status → civil_status).
 */
export function allMigrationSets(): MigrationSet[] {
  const sets = [loadSqlMigrations('platform', new URL('./migrations/', import.meta.url))];
  const modulesDir = new URL('../../modules/', import.meta.url);
  const names = fs.existsSync(fileURLToPath(modulesDir))
    ? fs
        .readdirSync(fileURLToPath(modulesDir), { withFileTypes: true })
        .filter(
          (d) =>
            d.isDirectory() && fs.existsSync(fileURLToPath(new URL(`${d.name}/migrations/`, modulesDir))),
        )
        .map((d) => d.name)
        .sort()
    : [];
  for (const name of names) sets.push(loadSqlMigrations(name, new URL(`${name}/migrations/`, modulesDir)));
  return sets;
}
