import { pathToFileURL } from 'node:url';
import { verifyAuditChain } from '../server/platform/audit/index.js';
import type { RegisterKey } from '../server/platform/numbering/index.js';
import { loadAverage, median, printTable, round } from './lib/measure.js';
import { backendPids } from './lib/postgres.js';
import {
  BOOKS,
  FULL,
  openBenchDatabase,
  type PhaseSpec,
  runPhase,
  type Step,
  UNITS,
  verifyKeys,
} from './registration.js';

/**
 * Diagnostic for benchmark 1: the kernel's registration transaction and the one-statement,
 * locks-late prototype (bench/lib/proposal.ts) run alternately, round after round, so both
 * see the same machine load. `node --import tsx bench/registration-ab.ts [--rounds=3] [--n=1000]`
 */
interface Variant {
  name: string;
  steps: Step[];
  keys: (year: number) => RegisterKey[];
  autocommit?: boolean;
}

const spread = (year: number) =>
  BOOKS.flatMap((bookType) => UNITS.map((unitId) => ({ bookType, unitId, year })));
const hot = (year: number) => [{ bookType: 'KS', unitId: '09187', year }];

const VARIANTS: Variant[] = [
  { name: 'kernel: 8 keys', steps: FULL, keys: spread },
  { name: 'what-if: 8 keys, locks late', steps: ['job', 'numbered', 'audit1'], keys: spread },
  { name: 'kernel: 1 key', steps: FULL, keys: hot },
  { name: 'what-if: 1 key, locks late', steps: ['job', 'numbered', 'audit1'], keys: hot },
  { name: 'kernel: audit append (own tx)', steps: ['audit'], keys: () => [] },
  { name: 'what-if: audit append, 1 statement', steps: ['audit1'], keys: () => [], autocommit: true },
];

export async function runRegistrationAb(rounds = 3, n = 1000, concurrency = 32) {
  const { fresh, database } = await openBenchDatabase(concurrency);
  const perVariant = new Map<string, number[]>(VARIANTS.map((v) => [v.name, []]));
  const loads: string[] = [];
  let allOk = true;
  try {
    for (let round = 0; round < rounds; round++) {
      loads.push(loadAverage());
      for (const [i, v] of VARIANTS.entries()) {
        const spec: PhaseSpec = {
          name: `${v.name} #${round}`,
          keys: v.keys(2100 + round * 10 + i),
          steps: v.steps,
          total: n,
          autocommit: v.autocommit,
        };
        const opts = { total: n, concurrency, maxSeconds: 120, diagnose: false };
        const res = await runPhase(database, spec, opts, () => backendPids(fresh.url, fresh.name));
        const verify = await verifyKeys(database, spec, res.done);
        allOk &&= verify.keysOk && res.errors === 0;
        if (res.firstError) console.log(`  ${spec.name}: ${res.errors} errors, first: ${res.firstError}`);
        perVariant.get(v.name)!.push(res.perSecond);
      }
      console.log(
        `  round ${round + 1}: ${VARIANTS.map((v) => `${v.name} ${perVariant.get(v.name)!.at(-1)}/s`).join(', ')}`,
      );
    }
    const chain = await verifyAuditChain(database.db);
    printTable(
      `Kernel vs locks-late prototype, alternated: ${rounds} rounds x ${n} registrations, ${concurrency} concurrent (load before each round: ${loads.join(' | ')})`,
      VARIANTS.map((v) => ({
        variant: v.name,
        'reg/s per round': perVariant.get(v.name)!.join(' / '),
        'median reg/s': round(median(perVariant.get(v.name)!), 0),
      })),
    );
    console.log(
      `  numbers 1..N on every key: ${allOk ? 'ok' : 'FAIL'}; audit chain: ${chain.ok ? 'ok' : 'BROKEN'} (${chain.checked} rows)`,
    );
  } finally {
    await database.close();
    await fresh.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (flag: string, fallback: number) =>
    Number(process.argv.find((a) => a.startsWith(`--${flag}=`))?.split('=')[1] ?? fallback);
  await runRegistrationAb(arg('rounds', 3), arg('n', 1000), arg('concurrency', 32));
}
