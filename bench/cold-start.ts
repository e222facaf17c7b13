import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadAverage, median, printTable, round, targetNote } from './lib/measure.js';
import { type RunningServer, startServer, tempDataDir } from './lib/server.js';

/**
 * Benchmark 3: from spawning `node bin/tuphap.mjs start --no-web-build` to the first 200
 * from /ready, on the embedded PGlite: a fresh empty data directory (cold: cluster restored
 * from the cached base, migrations, demo seed, signing key) and an initialised one (warm restart).
 * Then the server's resident memory after it has been idle.
 */
export interface ColdStartOptions {
  repeats: number;
  idleSeconds: number;
  /** Also replay the start-up steps with a clock around each (bench/startup-parts.ts). */
  parts: boolean;
}

export const DEFAULT_COLD_START: ColdStartOptions = { repeats: 3, idleSeconds: 10, parts: true };

const PARTS_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'startup-parts.ts');

/** Milliseconds per start-up step, measured in a fresh process on `dataDir`. */
function startupParts(dataDir: string): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', PARTS_SCRIPT, dataDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 120_000,
  });
  const line = out.split('\n').find((l) => l.startsWith('{"status"'));
  return line ? (JSON.parse(line) as { parts: Record<string, number> }).parts : {};
}

export interface StartRun {
  kind: 'cold' | 'warm';
  run: number;
  readyMs: number;
  cpuSeconds: number;
  loadBefore: string;
}

export interface ColdStartReport {
  options: ColdStartOptions;
  runs: StartRun[];
  coldMedianMs: number;
  warmMedianMs: number;
  idleMemory: Array<{ kind: 'cold' | 'warm'; rssMiB?: number; peakMiB?: number }>;
  parts?: { cold: Record<string, number>; warm: Record<string, number>; loadBefore: string };
  targetMet: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function idleMemory(server: RunningServer, seconds: number) {
  await sleep(seconds * 1000);
  return server.memory();
}

export async function runColdStartBench(
  opts: ColdStartOptions = DEFAULT_COLD_START,
): Promise<ColdStartReport> {
  const runs: StartRun[] = [];
  const memory: ColdStartReport['idleMemory'] = [];
  const dirs: string[] = [];
  let parts: ColdStartReport['parts'];
  try {
    for (let i = 1; i <= opts.repeats; i++) {
      const dir = tempDataDir('cold');
      dirs.push(dir);
      const loadBefore = loadAverage();
      const server = await startServer({ dataDir: dir });
      try {
        runs.push({
          kind: 'cold',
          run: i,
          readyMs: round(server.readyMs, 0),
          cpuSeconds: round(server.cpuSecondsAtReady, 2),
          loadBefore,
        });
        console.log(`  cold ${i}: ready in ${round(server.readyMs / 1000, 2)} s`);
        if (i === 1) {
          const mem = await idleMemory(server, opts.idleSeconds);
          memory.push({ kind: 'cold', rssMiB: mem?.rssMiB, peakMiB: mem?.peakMiB });
        }
      } finally {
        await server.stop();
      }
    }
    for (let i = 1; i <= opts.repeats; i++) {
      const loadBefore = loadAverage();
      const server = await startServer({ dataDir: dirs[0] });
      try {
        runs.push({
          kind: 'warm',
          run: i,
          readyMs: round(server.readyMs, 0),
          cpuSeconds: round(server.cpuSecondsAtReady, 2),
          loadBefore,
        });
        console.log(`  warm ${i}: ready in ${round(server.readyMs / 1000, 2)} s`);
        if (i === 1) {
          const mem = await idleMemory(server, opts.idleSeconds);
          memory.push({ kind: 'warm', rssMiB: mem?.rssMiB, peakMiB: mem?.peakMiB });
        }
      } finally {
        await server.stop();
      }
    }
    if (opts.parts) {
      const dir = tempDataDir('parts');
      dirs.push(dir);
      const loadBefore = loadAverage();
      parts = { cold: startupParts(dir), warm: startupParts(dir), loadBefore };
    }
  } finally {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
  const coldMedianMs = median(runs.filter((r) => r.kind === 'cold').map((r) => r.readyMs));
  const warmMedianMs = median(runs.filter((r) => r.kind === 'warm').map((r) => r.readyMs));
  return {
    options: opts,
    runs,
    coldMedianMs,
    warmMedianMs,
    idleMemory: memory,
    parts,
    targetMet: coldMedianMs < 10_000,
  };
}

export function printColdStart(r: ColdStartReport) {
  printTable(
    'Start to first 200 from /ready (PGlite, `node bin/tuphap.mjs start --no-web-build`)',
    r.runs.map((x) => ({
      start: x.kind,
      run: x.run,
      'ready s': round(x.readyMs / 1000, 2),
      'server CPU s until ready': x.cpuSeconds,
      'load before': x.loadBefore,
    })),
  );
  console.log(
    `  median: cold ${round(r.coldMedianMs / 1000, 2)} s, warm ${round(r.warmMedianMs / 1000, 2)} s`,
  );
  for (const m of r.idleMemory)
    console.log(
      `  ${m.kind} start, after ${r.options.idleSeconds} s idle: VmRSS ${m.rssMiB} MiB (VmHWM ${m.peakMiB} MiB)`,
    );
  if (r.parts) {
    const steps = Object.keys(r.parts.cold);
    printTable(
      `Where start-up time goes: the steps of start.ts replayed in one process (ms; load before ${r.parts.loadBefore})`,
      steps.map((step) => ({ step, cold: r.parts!.cold[step], warm: r.parts!.warm[step] ?? '' })),
    );
  }
  console.log(`  ${targetNote(r.targetMet, 'cold start < 10 s (median)')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const repeats = Number(
    args.find((a) => a.startsWith('--repeats='))?.split('=')[1] ?? DEFAULT_COLD_START.repeats,
  );
  printColdStart(
    await runColdStartBench({ ...DEFAULT_COLD_START, repeats, parts: !args.includes('--no-parts') }),
  );
}
