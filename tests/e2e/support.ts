import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { currentTotp } from '../../server/platform/identity/totp.js';

export interface JourneyContext {
  baseUrl: string;
  dataDir: string;
  artifacts: string;
  browser: Browser;
}

export interface Journey {
  name: string;
  viewport?: { width: number; height: number };
  run(page: Page, ctx: JourneyContext): Promise<void>;
}

export const DEMO_PASSWORD = 'TuPhap@2026';

/** The demo seed writes its accounts (with TOTP secrets) into the data dir. */
export async function totpFor(ctx: JourneyContext, username: string): Promise<string> {
  const accounts = JSON.parse(
    fs.readFileSync(path.join(ctx.dataDir, 'demo-accounts.json'), 'utf8'),
  ) as Array<{ username: string; totpSecret?: string }>;
  const secret = accounts.find((a) => a.username === username)?.totpSecret;
  if (!secret) throw new Error(`no TOTP secret for ${username}`);
  return currentTotp(secret);
}

export async function shot(page: Page, ctx: JourneyContext, name: string) {
  await page.screenshot({ path: path.join(ctx.artifacts, `${name}.png`), fullPage: true });
}
