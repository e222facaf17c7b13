import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The `tuphap` command as an operator uses it: real processes, a real data dir, a real PostgreSQL. */
const root = path.resolve(__dirname, '..', '..');
const shared = path.resolve(root, '..', 'shared', 'data', 'admin-units');

function tuphap(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'tuphap.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

describe('tuphap on the embedded database', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('every command answers --help', () => {
    for (const cmd of [
      ['start'],
      ['migrate'],
      ['seed'],
      ['import', 'admin-units'],
      ['import', 'phapdien'],
      ['prepare'],
      ['audit', 'verify'],
      ['backup'],
      ['restore'],
      ['totp'],
    ]) {
      const r = tuphap([...cmd, '--help'], { DATA_DIR: dataDir });
      expect(r.code, r.out).toBe(0);
      expect(r.out).toMatch(/usage/i);
    }
    expect(tuphap(['no-such-command'], { DATA_DIR: dataDir }).code).toBe(2);
  });

  it('migrate, seed --demo, audit verify, then detects a tampered audit row', () => {
    expect(tuphap(['migrate'], { DATA_DIR: dataDir }).code).toBe(0);
    const seeded = tuphap(['seed', '--demo'], { DATA_DIR: dataDir });
    expect(seeded.code, seeded.out).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'demo-accounts.json'))).toBe(true);
    const ok = tuphap(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/intact/);
  });

  it('backup and restore the PGlite data dir', () => {
    const file = path.join(dataDir, 'backup.tar.gz');
    const b = tuphap(['backup', file], { DATA_DIR: dataDir });
    expect(b.code, b.out).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-restore-'));
    try {
      const r = tuphap(['restore', file], { DATA_DIR: other });
      expect(r.code, r.out).toBe(0);
      const v = tuphap(['audit', 'verify'], { DATA_DIR: other });
      expect(v.code, v.out).toBe(0);
      expect(tuphap(['restore', file], { DATA_DIR: other }).code).toBe(1); // refuses to overwrite without --force
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('tuphap on PostgreSQL', () => {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `tuphap_cli_${process.pid}`;
  let url: string;
  beforeAll(async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });

  it('imports the real administrative units and reports the counts', () => {
    const r = tuphap(['import', 'admin-units', shared], { DATABASE_URL: url });
    expect(r.code, r.out).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.accepted.current).toBeDefined();
    expect(report.rejected).toEqual([]);
  });

  it('audit verify names the first tampered row and exits 1', async () => {
    expect(
      tuphap(['seed', '--demo'], {
        DATABASE_URL: url,
        DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-cli-pg-')),
      }).code,
    ).toBe(0);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('alter table platform.audit_log disable trigger audit_log_no_update');
    await c.query(`update platform.audit_log set action = 'forged' where seq = 1`);
    await c.end();
    const r = tuphap(['audit', 'verify'], { DATABASE_URL: url });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/seq 1/);
  });

  it('backup with pg_dump and restore with pg_restore', () => {
    const file = path.join(os.tmpdir(), `tuphap-${process.pid}.dump`);
    const b = tuphap(['backup', file], { DATABASE_URL: url });
    expect(b.code, b.out).toBe(0);
    const r = tuphap(['restore', file], { DATABASE_URL: url });
    expect(r.code, r.out).toBe(0);
    fs.rmSync(file, { force: true });
  });
});
