import { pgliteBase, pgliteBaseFile } from '../db/pglite-base.js';
import type { Command } from './commands.js';
import { parseFlags } from './commands.js';
import { ensureWebBuilt } from './start.js';

/**
 * Run by `npm install` (postinstall): prepares what a first start would otherwise spend
 * time on — the empty PGlite cluster (initdb in WebAssembly takes seconds) and the web app.
 */
export const prepareCommand: Command = {
  name: 'prepare',
  summary: 'Chuẩn bị sau khi cài đặt (cụm PGlite rỗng, giao diện web) / post-install preparation',
  usage: 'tuphap prepare [--no-web-build]',
  async run(args) {
    const { flags } = parseFlags(args);
    const started = Date.now();
    await pgliteBase();
    console.log(`PGlite: ${pgliteBaseFile()} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (!flags['no-web-build']) ensureWebBuilt((m) => console.log(m));
    return 0;
  },
};
