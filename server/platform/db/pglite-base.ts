import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/**
 * PGlite's initdb takes several seconds (WebAssembly). A freshly initialised, empty
 * cluster is therefore prepared once (at `npm install`, or on first use) and kept in
 * node_modules/.cache; new data directories and test databases start from it.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');

function pgliteVersion(): string {
  try {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
    );
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
}

export const pgliteBaseFile = () =>
  path.join(root, 'node_modules', '.cache', 'tuphap', `pglite-base-${pgliteVersion()}.tar.gz`);

let pending: Promise<Blob> | null = null;

export function pgliteBase(): Promise<Blob> {
  pending ??= (async () => {
    const file = pgliteBaseFile();
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    const pg = await PGlite.create();
    const blob = await pg.dumpDataDir('gzip');
    await pg.close();
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
      fs.renameSync(tmp, file);
    } catch {
      /* read-only install: keep it in memory only */
    }
    return blob;
  })();
  return pending;
}

/** True when a PGlite data directory holds no cluster yet. */
export const isEmptyDataDir = (dir: string) => !fs.existsSync(path.join(dir, 'PG_VERSION'));
