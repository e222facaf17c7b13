import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '../audit/index.js';
import { sql } from '../db/database.js';
import { openAndMigrate } from '../db/open.js';
import { loadEnv } from '../env.js';
import { currentTotp } from '../identity/totp.js';
import { seedDemo } from '../seed/demo-seed.js';
import { importAdminUnits } from '../units/index.js';
import { type Command, parseFlags } from './commands.js';

async function withDatabase<T>(
  fn: (
    db: Awaited<ReturnType<typeof openAndMigrate>>['database'],
    env: ReturnType<typeof loadEnv>,
  ) => Promise<T>,
) {
  const env = loadEnv();
  const { database } = await openAndMigrate(env);
  try {
    return await fn(database, env);
  } finally {
    await database.close();
  }
}

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Áp dụng các migration còn thiếu / apply pending migrations',
  usage: 'tuphap migrate',
  async run() {
    const env = loadEnv();
    const { database, report } = await openAndMigrate(env);
    await database.close();
    console.log(
      report.applied.length
        ? `Đã áp dụng / applied:\n  ${report.applied.join('\n  ')}`
        : 'Không có migration mới / nothing to apply',
    );
    return 0;
  },
};

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Nạp dữ liệu minh hoạ / load the demo seed',
  usage: 'tuphap seed --demo',
  async run(args) {
    const { flags } = parseFlags(args);
    if (!flags.demo) {
      console.error('Cần --demo / --demo is required');
      return 2;
    }
    return withDatabase(async (database, env) => {
      const r = await seedDemo(database.db, env.dataDir);
      console.log(
        r.seeded
          ? `Đã tạo ${r.accounts.length} tài khoản minh hoạ / demo accounts created`
          : 'Đã có dữ liệu, bỏ qua / already seeded',
      );
      return 0;
    });
  },
};

export const importCommand: Command = {
  name: 'import admin-units',
  summary: 'Nhập danh mục đơn vị hành chính từ thư mục CSV / import administrative units',
  usage:
    'tuphap import admin-units <thư mục / folder>   (provinces_2025.csv, communes_2025.csv, units_pre2025.csv, mapping_pre2025_to_2025.csv)',
  async run(args) {
    const { positional } = parseFlags(args);
    const folder = positional[0];
    if (!folder || !fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
      console.error(`Không thấy thư mục / folder not found: ${folder ?? '(trống)'}`);
      return 2;
    }
    return withDatabase(async (database) => {
      const started = Date.now();
      const report = await importAdminUnits(database.db, path.resolve(folder), {
        onProgress: (p) => {
          const pct = p.total ? Math.floor((p.done / p.total) * 100) : 0;
          const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.');
          process.stderr.write(
            `\r  ${p.stage.padEnd(8)} ${(p.file ?? '').padEnd(34)} [${bar}] ${p.done}/${p.total}   `,
          );
        },
      });
      process.stderr.write('\n');
      console.log(JSON.stringify({ ...report, seconds: (Date.now() - started) / 1000 }, null, 2));
      return report.rejected.length ? 1 : 0;
    });
  },
};

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'Kiểm tra chuỗi băm nhật ký kiểm toán / verify the audit hash chain',
  usage: 'tuphap audit verify   (exit 0 when intact, 1 naming the first tampered row)',
  async run() {
    return withDatabase(async (database) => {
      const r = await verifyAuditChain(database.db);
      if (r.ok) {
        console.log(`Nhật ký nguyên vẹn / audit chain intact: ${r.checked} bản ghi / rows`);
        return 0;
      }
      console.error(
        `Nhật ký bị sửa / audit chain broken at seq ${r.firstBad!.seq}: ${r.firstBad!.reason} (${r.checked} rows verified before it)`,
      );
      return 1;
    });
  },
};

export const totpCommand: Command = {
  name: 'totp',
  summary: 'In mã TOTP hiện tại của tài khoản minh hoạ (chỉ chế độ demo) / current TOTP of a demo account',
  usage: 'tuphap totp <username>',
  async run(args) {
    const { positional } = parseFlags(args);
    return withDatabase(async (database, env) => {
      if (!env.demo) {
        console.error('Chỉ dùng trong chế độ minh hoạ / demo mode only');
        return 2;
      }
      const r = await sql<{
        totp_secret: string | null;
      }>`select totp_secret from platform.users where username = ${positional[0] ?? ''} and totp_enabled`.execute(
        database.db,
      );
      if (!r.rows[0]?.totp_secret) {
        console.error('Không có tài khoản bật TOTP với tên này / no TOTP-enabled account with that name');
        return 1;
      }
      console.log(await currentTotp(r.rows[0].totp_secret));
      return 0;
    });
  },
};
