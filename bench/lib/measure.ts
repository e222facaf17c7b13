import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/**
 * Small measuring aids shared by the benchmarks: percentiles, the machine's
 * description, its load, and CPU use over an interval.
 */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);
export const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** The three load averages as `uptime` shows them. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
}

function firstLine(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
      .split('\n')[0]
      .trim();
  } catch {
    return 'unknown';
  }
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  kernel: string;
  node: string;
}

export function machineInfo(): MachineInfo {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const release = fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : '';
  return {
    cpus: Number(firstLine('nproc', [])) || os.availableParallelism(),
    cpuModel: model,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    os: /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release)?.[1] ?? os.type(),
    kernel: os.release(),
    node: process.version,
  };
}

/** Whole-machine CPU busy share between two readings of /proc/stat (0..1 per core summed: 2.0 = two full cores). */
export function cpuSampler(otherProcessName = 'postgres') {
  const other = namedCpuSampler(otherProcessName);
  /** `databasePids`: count only these database processes (the backends serving this run). */
  const read = () => {
    if (!fs.existsSync('/proc/stat')) return null;
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + b, 0);
    return { idle, total };
  };
  const start = read();
  const own = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  return (databasePids?: number[]) => {
    const end = read();
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const used = process.cpuUsage(own);
    const machine =
      start && end
        ? (1 - (end.idle - start.idle) / (end.total - start.total)) * os.cpus().length
        : Number.NaN;
    return {
      /** cores busy on the whole machine, on average */
      machineCores: round(machine, 2),
      /** cores used by this (load-generating) process, on average */
      benchProcessCores: round((used.user + used.system) / 1000 / wallMs, 2),
      /** cores used by processes named otherProcessName (the database server) */
      databaseCores: other(databasePids),
    };
  };
}

/** Resident memory of a process in MiB from /proc/<pid>/status (VmRSS and peak VmHWM). */
export function processMemory(pid: number): { rssMiB: number; peakMiB: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: round(kb('VmRSS') / 1024, 1), peakMiB: round(kb('VmHWM') / 1024, 1) };
  } catch {
    return null;
  }
}

/** Cumulative CPU seconds (user + system) of a process, from /proc/<pid>/stat. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export function printTable(title: string, rows: Array<Record<string, unknown>>) {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => `  ${vals.map((v, i) => v.padEnd(width[i])).join('  ')}`;
  console.log(line(cols));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))));
}

export const targetNote = (met: boolean, target: string) => `target ${target}: ${met ? 'met' : 'NOT met'}`;

/** CPU seconds used so far by every process with the given command name (e.g. the PostgreSQL backends). */
function cpuByName(name: string): Map<number, number> {
  const out = new Map<number, number>();
  if (!fs.existsSync('/proc')) return out;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== name) continue;
      out.set(Number(entry), processCpuSeconds(Number(entry)));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** Cores used on average by processes named `name` between start and the returned function's call. */
export function namedCpuSampler(name: string) {
  const before = cpuByName(name);
  const t0 = performance.now();
  return (only?: number[]) => {
    const after = cpuByName(name);
    let used = 0;
    for (const [pid, s] of after) if (!only || only.includes(pid)) used += s - (before.get(pid) ?? 0);
    return round(used / ((performance.now() - t0) / 1000), 2);
  };
}
