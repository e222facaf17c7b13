import fs from 'node:fs';
import { apiOptionsFromArgs, printApi, runApiBench } from './api.js';
import { printColdStart, runColdStartBench } from './cold-start.js';
import { machineInfo } from './lib/measure.js';
import { benchDatabaseUrl } from './lib/postgres.js';
import { printRegistration, registrationOptionsFromArgs, runRegistrationBench } from './registration.js';

/**
 * `npm run bench [-- registration|api|cold-start ...] [--json=FILE]`: runs the kernel
 * benchmarks (all by default) and prints their figures. Every load is bounded in time and
 * count and targets only 127.0.0.1. See docs/benchmarks.md.
 */
const ALL = ['registration', 'api', 'cold-start'] as const;
type Name = (typeof ALL)[number];

const args = process.argv.slice(2);
const chosen = args.filter((a) => !a.startsWith('--'));
const unknown = chosen.filter((a) => !ALL.includes(a as Name));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (choose from ${ALL.join(', ')})`);
  process.exit(2);
}
const names: Name[] = chosen.length ? (chosen as Name[]) : [...ALL];
const jsonFile = args.find((a) => a.startsWith('--json='))?.split('=')[1];

const m = machineInfo();
console.log(`TuPhap kernel benchmarks — ${new Date().toISOString()}`);
console.log(
  `  machine: ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}, Linux ${m.kernel}, Node ${m.node}`,
);
console.log(
  `  database for registration and API runs: ${benchDatabaseUrl().replace(/\/\/[^@]*@/, '//')} (a fresh database per run, dropped after)`,
);

const results: Record<string, unknown> = { machine: m, startedAt: new Date().toISOString() };
for (const name of names) {
  console.log(`\n== ${name}`);
  if (name === 'registration') {
    const r = await runRegistrationBench(registrationOptionsFromArgs(args));
    printRegistration(r);
    results.registration = r;
  } else if (name === 'api') {
    const r = await runApiBench(apiOptionsFromArgs(args));
    printApi(r);
    results.api = r;
  } else {
    const repeats = Number(args.find((a) => a.startsWith('--repeats='))?.split('=')[1] ?? 3);
    const r = await runColdStartBench({ repeats, idleSeconds: 10, parts: !args.includes('--no-parts') });
    printColdStart(r);
    results.coldStart = r;
  }
}
if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(results, null, 2));
