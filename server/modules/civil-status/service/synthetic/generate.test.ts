import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createGenerator } from './generator.js';

const script = fileURLToPath(new URL('./generate.ts', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });

describe('generate.ts', () => {
  it('writes one JSON family per line, the same as the generator, with the throughput on stderr', () => {
    const result = run('--seed', '42', '--families', '20');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(20);
    const families = lines.map((l) => JSON.parse(l));
    expect(families.every((f) => f.type === 'family')).toBe(true);
    const expected = createGenerator({ seed: '42' }).generateFamilies(20);
    expect(families.map(({ type: _type, ...f }) => f)).toEqual(expected);
    expect(result.stderr).toMatch(
      /20 lines \(\d+ people, names: (files|built-in)\) in [\d.]+ s: [\d,]+ lines\/s/,
    );
    expect(run('--seed', '42', '--families', '20').stdout).toBe(result.stdout);
  });

  it('writes people with --people and fails clearly on a bad option', () => {
    const people = run('--seed', '1', '--people', '5');
    expect(
      people.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).type),
    ).toEqual(Array(5).fill('person'));
    const bad = run('--families', 'many');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--families needs a whole number');
  });
});
