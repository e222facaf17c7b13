import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh, empty PostgreSQL database for one benchmark run, dropped afterwards.
 * Only loopback servers are accepted: the benchmarks never load another machine.
 */
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:54329/postgres';

export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
}

export function assertLoopback(url: string) {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`benchmarks target only 127.0.0.1; refusing database host ${host}`);
  }
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface FreshDatabase {
  name: string;
  url: string;
  serverVersion: string;
  drop(): Promise<void>;
}

async function adminQuery<T extends pg.QueryResultRow>(
  url: string,
  text: string,
): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await client.query<T>(text);
  } finally {
    await client.end();
  }
}

export async function createFreshDatabase(
  prefix: string,
  baseUrl = benchDatabaseUrl(),
): Promise<FreshDatabase> {
  assertLoopback(baseUrl);
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const version = await adminQuery<{ server_version: string }>(baseUrl, 'show server_version');
  await adminQuery(baseUrl, `create database ${name}`);
  let dropped = false;
  return {
    name,
    url: withDatabaseName(baseUrl, name),
    serverVersion: version.rows[0].server_version,
    async drop() {
      if (dropped) return;
      dropped = true;
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** The server's settings that decide commit cost, for the report. */
export async function durabilitySettings(url: string): Promise<Record<string, string>> {
  const r = await adminQuery<{ name: string; setting: string }>(
    url,
    `select name, setting from pg_settings
     where name in ('synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers', 'commit_delay', 'max_connections')
     order by name`,
  );
  return Object.fromEntries(r.rows.map((row) => [row.name, row.setting]));
}

/** Process ids of the backends connected to one database (to count their CPU). */
export async function backendPids(url: string, database: string): Promise<number[]> {
  const r = await adminQuery<{ pid: number }>(
    url,
    `select pid from pg_stat_activity where datname = '${database.replace(/'/g, "''")}' and pid <> pg_backend_pid()`,
  );
  return r.rows.map((row) => row.pid);
}
