import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database.js';
import { openConfiguredDatabase } from '../db/open.js';
import { loadEnv } from '../env.js';
import { type Command, parseFlags } from './commands.js';

/**
 * Backups: PostgreSQL with pg_dump/pg_restore (custom format); the embedded PGlite
 * database as a consistent dump of its data directory (taken through PGlite itself,
 * so the server must be stopped or the backup taken by the running process).
 */
export const backupCommand: Command = {
  name: 'backup',
  summary: 'Sao lưu cơ sở dữ liệu ra tệp / back up the database to a file',
  usage:
    'tuphap backup <tệp / file>   (PostgreSQL: pg_dump -Fc; PGlite: .tar.gz of the data dir — stop the server first)',
  async run(args) {
    const { positional } = parseFlags(args);
    const file = positional[0];
    if (!file) return usage(this.usage);
    const env = loadEnv();
    if (env.DATABASE_URL) {
      const r = spawnSync('pg_dump', ['-Fc', '-f', file, env.DATABASE_URL], { stdio: 'inherit' });
      return r.status === 0 ? ok(file) : 1;
    }
    const database = await openConfiguredDatabase(env);
    try {
      const blob = await database.pglite!.dumpDataDir('gzip');
      fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    } finally {
      await database.close();
    }
    return ok(file);
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Khôi phục cơ sở dữ liệu từ bản sao lưu / restore the database from a backup',
  usage:
    'tuphap restore <tệp / file> [--force]   (PostgreSQL: pg_restore --clean; PGlite: into an empty data dir, or --force to replace it)',
  async run(args) {
    const { positional, flags } = parseFlags(args);
    const file = positional[0];
    if (!file || !fs.existsSync(file)) return usage(this.usage);
    const env = loadEnv();
    if (env.DATABASE_URL) {
      const r = spawnSync(
        'pg_restore',
        ['--clean', '--if-exists', '--no-owner', '-d', env.DATABASE_URL, file],
        { stdio: 'inherit' },
      );
      return r.status === 0 ? 0 : 1;
    }
    const dir = path.join(env.dataDir, 'pgdata');
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
      if (!flags.force) {
        console.error(
          `Thư mục dữ liệu đã có dữ liệu / data dir not empty: ${dir}. Dùng --force để thay thế / use --force to replace it.`,
        );
        return 1;
      }
      fs.renameSync(dir, `${dir}.before-restore-${Date.now()}`);
    }
    const database = await openDatabase({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]) });
    await database.close();
    console.log(`Đã khôi phục / restored into ${dir}`);
    return 0;
  },
};

function ok(file: string) {
  console.log(`Đã sao lưu / backup written: ${file} (${fs.statSync(file).size} bytes)`);
  return 0;
}

function usage(u: string) {
  console.error(`Cách dùng / usage: ${u}`);
  return 2;
}
