import { backupCommand, restoreCommand } from './backup.js';
import { startCommand } from './start.js';
import { auditVerifyCommand, importCommand, migrateCommand, seedCommand, totpCommand } from './maintenance.js';

/**
 * `tuphap <command>`: every command has --help. Exit codes: 0 ok, 1 failure, 2 usage.
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number | undefined>;
}

const commands: Command[] = [
  startCommand,
  migrateCommand,
  seedCommand,
  importCommand,
  auditVerifyCommand,
  backupCommand,
  restoreCommand,
  totpCommand,
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
  const cmd = commands.find((c) => c.name === first) ?? commands.find((c) => c.name === `${first} ${rest[0]}`);
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
