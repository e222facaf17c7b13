import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../../../contracts/auth.js';
import { appendAudit } from '../audit/index.js';
import { type Db, sql } from '../db/database.js';
import { hashPassword } from '../identity/passwords.js';
import { newTotpSecret } from '../identity/totp.js';
import { insertGrant, insertUser, updateUserFields } from '../identity/users-repo.js';
import { seedDemoUnits } from '../units/index.js';

/**
 * The demo seed: the 34 provinces, the communes of Bắc Ninh, and one account per role.
 * Runs only in demo mode and only on an empty user table; it never touches real data.
 */
export const DEMO_PASSWORD = 'TuPhap@2026';
export const DEMO_PROVINCE = '24'; // Bắc Ninh
export const DEMO_COMMUNE = '09187'; // Phường Kinh Bắc
export const DEMO_OTHER_COMMUNE = '09319'; // Xã Tiên Du

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  totpSecret?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống quốc gia', role: 'system_admin', unitId: 'VN' },
  { username: 'quantri.bacninh', displayName: 'Trần Văn Quản', role: 'system_admin', unitId: DEMO_PROVINCE },
  { username: 'sotuphap', displayName: 'Nguyễn Thị Hồng Nhung', role: 'doj_officer', unitId: DEMO_PROVINCE },
  { username: 'lanhdao', displayName: 'Phạm Quốc Hưng', role: 'leader', unitId: DEMO_PROVINCE },
  {
    username: 'hotich.kinhbac',
    displayName: 'Lê Thị Thu Hà',
    role: 'civil_status_officer',
    unitId: DEMO_COMMUNE,
  },
  {
    username: 'hotich.tiendu',
    displayName: 'Đỗ Minh Tuấn',
    role: 'civil_status_officer',
    unitId: DEMO_OTHER_COMMUNE,
  },
  { username: 'congchung', displayName: 'Vũ Thị Mai Anh', role: 'notary', unitId: DEMO_PROVINCE },
];

export interface SeedResult {
  seeded: boolean;
  accounts: DemoAccount[];
}

export async function seedDemo(db: Db, dataDir: string): Promise<SeedResult> {
  await seedDemoUnits(db);
  const existing = await sql<{
    n: number;
  }>`select count(*)::int as n from platform.users where kind = 'staff'`.execute(db);
  const file = path.join(dataDir, 'demo-accounts.json');
  if (existing.rows[0].n > 0) {
    const accounts = fs.existsSync(file)
      ? (JSON.parse(fs.readFileSync(file, 'utf8')) as DemoAccount[])
      : DEMO_ACCOUNTS;
    return { seeded: false, accounts };
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  await db.transaction().execute(async (tx) => {
    for (const a of DEMO_ACCOUNTS) {
      const u = await insertUser(tx, {
        kind: 'staff',
        username: a.username,
        displayName: a.displayName,
        passwordHash: hash,
      });
      await insertGrant(tx, u.id, a.role, a.unitId);
      const account = { ...a };
      if (a.role === 'system_admin') {
        account.totpSecret = newTotpSecret();
        await updateUserFields(tx, u.id, { totp_secret: account.totpSecret, totp_enabled: true });
      }
      accounts.push(account);
    }
    await appendAudit(tx, {
      actorKind: 'system',
      action: 'seed.demo',
      details: { accounts: accounts.map((a) => a.username) },
    });
  });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return { seeded: true, accounts };
}
