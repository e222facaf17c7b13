import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { buildApp, WEB_DIST } from '../../app.js';
import { registerModules } from '../../modules/registry.js';
import { openAndMigrate } from '../db/open.js';
import { loadEnv } from '../env.js';
import { createKernel } from '../kernel.js';
import { seedDemoDocument } from '../seed/demo-document.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo-seed.js';
import type { Command } from './commands.js';
import { parseFlags } from './commands.js';

const WEB_SRC = path.resolve(WEB_DIST, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'dist' || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

/** Builds the web app when it is missing or older than its sources. */
export function ensureWebBuilt(log: (m: string) => void) {
  const index = path.join(WEB_DIST, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built >= newestMtime(WEB_SRC) && built > 0) return;
  log('Đang dựng giao diện web / building the web app…');
  const vite = path.resolve(WEB_SRC, '..', 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', path.join(WEB_SRC, 'vite.config.ts'), '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('Dựng giao diện web thất bại / web build failed');
}

export const startCommand: Command = {
  name: 'start',
  summary: 'Chạy máy chủ (PGlite nhúng, hoặc PostgreSQL khi có DATABASE_URL) / run the server',
  usage:
    'tuphap start [--no-web-build] [--port N]\n  Env: PORT (3000), DATA_DIR (./data), DATABASE_URL, DEMO, LOG_LEVEL …  (docs/OPERATIONS.md)',
  async run(args) {
    const { flags } = parseFlags(args);
    const started = Date.now();
    const env = loadEnv({ ...process.env, ...(typeof flags.port === 'string' ? { PORT: flags.port } : {}) });
    const log = pino({ level: env.LOG_LEVEL });
    if (!flags['no-web-build']) ensureWebBuilt((m) => log.info(m));
    const { database, report } = await openAndMigrate(env);
    if (report.applied.length) log.info({ applied: report.applied }, 'migrations applied');
    const seed = env.demo ? await seedDemo(database.db, env.dataDir) : null;
    const kernel = await createKernel(env, database, log);
    await registerModules(kernel);
    const { app } = await buildApp(kernel, { serveWeb: true });
    await app.listen({ port: env.PORT, host: env.HOST });
    // Signed after listening: the sample document is not needed to answer the first requests.
    const demoDoc = env.demo ? await seedDemoDocument(kernel) : null;
    if (env.JOBS_ENABLED) kernel.worker.start();

    const url = env.publicUrl;
    const lines = [
      '',
      `Tư pháp số đang chạy / is running: ${url}`,
      `  Cơ sở dữ liệu / database: ${database.kind === 'pglite' ? `PGlite (${path.relative(process.cwd(), env.dataDir) || '.'})` : 'PostgreSQL'}`,
      `  API: ${url}/api/docs   Sức khoẻ / health: ${url}/health`,
      `  Sẵn sàng sau / ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ];
    if (seed) {
      lines.push('', `Tài khoản minh hoạ / demo accounts (mật khẩu / password: ${DEMO_PASSWORD}):`);
      for (const a of seed.accounts) {
        lines.push(
          `  ${a.username.padEnd(18)} ${a.role.padEnd(22)} ${a.unitId.padEnd(6)} ${a.displayName}${a.totpSecret ? `  [TOTP: npm run tuphap -- totp ${a.username}]` : ''}`,
        );
      }
      lines.push(
        '  Công dân / citizens: nút "Đăng nhập công dân (VNeID)" — nhà cung cấp định danh thử nghiệm / development IdP',
      );
      if (demoDoc)
        lines.push(
          `  Giấy tờ mẫu đã ký / sample signed document: ${demoDoc.url}  (${path.relative(process.cwd(), demoDoc.file)})`,
        );
    }
    console.log(lines.join('\n'));

    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      log.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      await app.close();
      await kernel.worker.stop();
      await database.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
    return undefined;
  },
};
