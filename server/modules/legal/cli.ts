import fs from 'node:fs';
import path from 'node:path';
import { type Command, parseFlags } from '../../platform/cli/commands.js';
import { openAndMigrate } from '../../platform/db/open.js';
import { loadEnv } from '../../platform/env.js';
import { AppError } from '../../platform/errors/app-error.js';
import { importPhapdien } from './service/import-phapdien.js';

export const importPhapdienCommand: Command = {
  name: 'import phapdien',
  summary: 'Nhập Bộ pháp điển điện tử (thư mục hoặc tệp .tar.xz) / import the codified law',
  usage: 'tuphap import phapdien <BoPhapDienDienTu | bophapdien-export.tar.xz> [--force]',
  async run(args) {
    const { positional, flags } = parseFlags(args);
    const input = positional[0];
    if (!input || !fs.existsSync(input)) {
      console.error(`Không thấy thư mục hoặc tệp / not found: ${input ?? '(trống)'}`);
      return 2;
    }
    const env = loadEnv();
    const { database } = await openAndMigrate(env);
    try {
      const report = await importPhapdien(database.db, path.resolve(input), {
        force: flags.force === true,
        onProgress: (p) => {
          const pct = p.total ? Math.floor((p.done / p.total) * 100) : 0;
          const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.');
          process.stderr.write(
            `\r  ${p.stage.padEnd(8)} ${(p.file ?? '').padEnd(42)} [${bar}] ${p.done}/${p.total}   `,
          );
        },
      });
      process.stderr.write('\n');
      console.log(JSON.stringify(report, null, 2));
      return 0;
    } catch (e) {
      process.stderr.write('\n');
      if (e instanceof AppError) {
        console.error(`${e.detail?.vi ?? e.code} / ${e.message}`);
        return 1;
      }
      throw e;
    } finally {
      await database.close();
    }
  },
};
