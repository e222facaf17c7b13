/**
 * Writes synthetic families (or people) as JSON lines to stdout, with the throughput on stderr.
 *
 *   npx tsx server/modules/civil-status/service/synthetic/generate.ts --seed 42 --families 1000 > out.jsonl
 *   … --people 1000000 > people.jsonl
 *
 * Options: --seed (default 1), --families N or --people N (default --families 1000),
 * --as-of yyyy-mm-dd, --names-dir <folder> (default ../shared/data/names beside the repository).
 */
import { once } from 'node:events';
import { createGenerator } from './generator.js';

interface Args {
  seed: string;
  families: number;
  people: number;
  asOf?: string;
  namesDir?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seed: '1', families: 0, people: 0 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    const count = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${argv[i]} needs a whole number, got ${value}`);
      return n;
    };
    switch (argv[i]) {
      case '--seed':
        args.seed = value;
        break;
      case '--families':
        args.families = count();
        break;
      case '--people':
        args.people = count();
        break;
      case '--as-of':
        args.asOf = value;
        break;
      case '--names-dir':
        args.namesDir = value;
        break;
      default:
        throw new Error(`Unknown option ${argv[i]}`);
    }
    i++;
  }
  if (args.families === 0 && args.people === 0) args.families = 1000;
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const gen = createGenerator({ seed: args.seed, asOf: args.asOf, namesDir: args.namesDir });
  const out = process.stdout;
  const started = process.hrtime.bigint();
  let buffer = '';
  let written = 0;
  let persons = 0;
  const flush = async () => {
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  const emit = async (line: string) => {
    buffer += `${line}\n`;
    written++;
    if (buffer.length > 1 << 20) await flush();
  };
  for (const f of gen.families(args.families)) {
    persons += 2 + f.children.length;
    await emit(JSON.stringify({ type: 'family', ...f }));
  }
  for (const p of gen.people(args.people)) {
    persons++;
    await emit(JSON.stringify({ type: 'person', ...p }));
  }
  await flush();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = (n: number) => Math.round(n / seconds).toLocaleString('en');
  process.stderr.write(
    `${written.toLocaleString('en')} lines (${persons.toLocaleString('en')} people, names: ${gen.namesSource}) ` +
      `in ${seconds.toFixed(2)} s: ${rate(written)} lines/s, ${rate(persons)} people/s\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
