import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { ensureWebBuilt } from '../../server/platform/cli/start.js';
import { journeys } from './journeys.js';
import type { JourneyContext } from './support.js';

/**
 * Starts the real product (`tuphap start`, embedded database, demo seed) on a free port
 * with a fresh data dir, drives Debian's Chromium through each journey, and prints
 * "N passed, N failed". Screenshots of failures go to E2E_ARTIFACTS (default: a temp dir).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitReady(url: string, server: ChildProcess, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const r = await fetch(`${url}/ready`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready');
}

async function main() {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  ensureWebBuilt((m) => console.log(m));
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-e2e-'));
  const artifacts = process.env.E2E_ARTIFACTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tuphap-e2e-shots-'));
  fs.mkdirSync(artifacts, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(root, 'bin', 'tuphap.mjs'), 'start', '--no-web-build'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
      NODE_ENV: 'development',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serverLog = '';
  server.stdout!.on('data', (d) => (serverLog += d));
  server.stderr!.on('data', (d) => (serverLog += d));
  let browser: Browser | null = null;
  let passed = 0;
  let failed = 0;
  try {
    await waitReady(baseUrl, server);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const ctx: JourneyContext = { baseUrl, dataDir, artifacts, browser };
    for (const j of journeys) {
      const started = Date.now();
      const context = await browser.newContext({
        locale: 'vi-VN',
        viewport: j.viewport ?? { width: 1280, height: 860 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const consoleErrors: string[] = [];
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      try {
        await j.run(page, ctx);
        if (consoleErrors.length) throw new Error(`errors in the page: ${consoleErrors.join(' | ')}`);
        passed++;
        console.log(`  ✓ ${j.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        const shot = path.join(artifacts, `${j.name.replace(/[^a-z0-9]+/gi, '-')}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
        console.log(`  ✗ ${j.name}: ${(e as Error).message}\n    screenshot: ${shot}`);
      } finally {
        await context.close();
      }
    }
  } catch (e) {
    failed++;
    console.log(`  ✗ setup: ${(e as Error).message}\n${serverLog.slice(-3000)}`);
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (process.env.E2E_REPORT)
    fs.writeFileSync(
      process.env.E2E_REPORT,
      JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numPendingTests: 0 }),
    );
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

await main();
