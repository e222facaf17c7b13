import { runCli } from './platform/cli/commands.js';

// A command that returns a number is done: exit with it (open handles must not keep it alive).
// `start` returns nothing and keeps serving until a signal.
runCli(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exit(code);
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
