/**
 * `tuphap <command>`: every command has --help. Exit codes: 0 ok, 1 failure, 2 usage.
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number | undefined>;
}

// Implementations load on demand, so `--help` and small commands start fast.
const lazy = (name: string, summary: string, usage: string, load: () => Promise<Command>): Command => ({
  name,
  summary,
  usage,
  run: async (args) => (await load()).run(args),
});

const commands: Command[] = [
  lazy(
    'start',
    'Chạy máy chủ (PGlite nhúng, hoặc PostgreSQL khi có DATABASE_URL) / run the server',
    'tuphap start [--no-web-build] [--port N]\n  Env: PORT (3000), DATA_DIR (./data), DATABASE_URL, DEMO, LOG_LEVEL …  (docs/OPERATIONS.md)',
    async () => (await import('./start.js')).startCommand,
  ),
  lazy(
    'prepare',
    'Chuẩn bị sau khi cài đặt: cụm PGlite rỗng, giao diện web / post-install preparation',
    'tuphap prepare [--no-web-build]   (run by npm install)',
    async () => (await import('./prepare.js')).prepareCommand,
  ),
  lazy(
    'migrate',
    'Áp dụng các migration còn thiếu / apply pending migrations',
    'tuphap migrate',
    async () => (await import('./maintenance.js')).migrateCommand,
  ),
  lazy(
    'seed',
    'Nạp dữ liệu minh hoạ / load the demo seed',
    'tuphap seed --demo',
    async () => (await import('./maintenance.js')).seedCommand,
  ),
  lazy(
    'import admin-units',
    'Nhập danh mục đơn vị hành chính từ thư mục CSV / import administrative units',
    'tuphap import admin-units <thư mục / folder>   (provinces_2025.csv, communes_2025.csv, units_pre2025.csv, mapping_pre2025_to_2025.csv)',
    async () => (await import('./maintenance.js')).importCommand,
  ),
  lazy(
    'import phapdien',
    'Nhập Bộ pháp điển điện tử (thư mục hoặc tệp .tar.xz) / import the codified law',
    'tuphap import phapdien <BoPhapDienDienTu | bophapdien-export.tar.xz> [--force]',
    async () => (await import('../../modules/legal/cli.js')).importPhapdienCommand,
  ),
  lazy(
    'audit verify',
    'Kiểm tra chuỗi băm nhật ký kiểm toán / verify the audit hash chain',
    'tuphap audit verify   (exit 0 when intact, 1 naming the first tampered row)',
    async () => (await import('./maintenance.js')).auditVerifyCommand,
  ),
  lazy(
    'backup',
    'Sao lưu cơ sở dữ liệu ra tệp / back up the database to a file',
    'tuphap backup <tệp / file>   (PostgreSQL: pg_dump -Fc; PGlite: .tar.gz of the data dir — stop the server first)',
    async () => (await import('./backup.js')).backupCommand,
  ),
  lazy(
    'restore',
    'Khôi phục cơ sở dữ liệu từ bản sao lưu / restore the database from a backup',
    'tuphap restore <tệp / file> [--force]   (PostgreSQL: pg_restore --clean; PGlite: into an empty data dir, or --force to replace it)',
    async () => (await import('./backup.js')).restoreCommand,
  ),
  lazy(
    'totp',
    'In mã TOTP hiện tại của tài khoản minh hoạ (chỉ chế độ demo) / current TOTP of a demo account',
    'tuphap totp <username>',
    async () => (await import('./maintenance.js')).totpCommand,
  ),
];

function help() {
  const lines = commands.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`);
  return `Tư pháp số — tuphap <lệnh> [tham số]\n\nLệnh / commands:\n${lines.join('\n')}\n\nXem chi tiết / details: tuphap <lệnh> --help`;
}

export async function runCli(argv: string[]): Promise<number | undefined> {
  const [first, ...rest] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    console.log(help());
    return first ? 0 : 2;
  }
  // Two-word commands: "audit verify", "import admin-units".
  const cmd =
    commands.find((c) => c.name === first) ?? commands.find((c) => c.name === `${first} ${rest[0]}`);
  if (!cmd) {
    console.error(`Lệnh không có / unknown command: ${first}\n\n${help()}`);
    return 2;
  }
  const args = cmd.name.includes(' ') ? rest.slice(1) : rest;
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`${cmd.summary}\n\nCách dùng / usage: ${cmd.usage}`);
    return 0;
  }
  return cmd.run(args);
}

/** `--flag value` and `--flag` parsing, enough for these commands. */
export function parseFlags(args: string[]): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (args[i + 1] && !args[i + 1].startsWith('--')) flags[k] = args[++i];
      else flags[k] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}
