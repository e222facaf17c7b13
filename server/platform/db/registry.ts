import { loadSqlMigrations, type MigrationSet } from './migrations.js';

/** Every migration set of the product, in dependency order: the kernel first, then modules. */
export function allMigrationSets(): MigrationSet[] {
  return [loadSqlMigrations('platform', new URL('./migrations/', import.meta.url))];
}
