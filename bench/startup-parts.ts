/**
 * Diagnostic for benchmark 3: the steps of `tuphap start` (server/platform/cli/start.ts)
 * replayed in this process with a clock around each, on the data directory given as the
 * first argument. Prints one JSON line: milliseconds per step. Run as its own process so
 * module loading is measured cold: `node --import tsx bench/startup-parts.ts DIR`.
 */
export {};

const sinceSpawn = performance.now();
const parts: Record<string, number> = { 'node + tsx loader': Math.round(sinceSpawn) };
let mark = performance.now();
const lap = (name: string) => {
  const now = performance.now();
  parts[name] = Math.round(now - mark);
  mark = now;
};

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: startup-parts.ts DATA_DIR');
  process.exit(2);
}
const [
  { buildApp },
  { registerModules },
  { openDatabase },
  { migrate },
  { allMigrationSets },
  { loadEnv },
  { createKernel },
  demoDoc,
  demo,
  pino,
] = await Promise.all([
  import('../server/app.js'),
  import('../server/modules/registry.js'),
  import('../server/platform/db/database.js'),
  import('../server/platform/db/migrations.js'),
  import('../server/platform/db/registry.js'),
  import('../server/platform/env.js'),
  import('../server/platform/kernel.js'),
  import('../server/platform/seed/demo-document.js'),
  import('../server/platform/seed/demo-seed.js'),
  import('pino'),
]);
lap('import server modules');
const env = loadEnv({
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  JOBS_ENABLED: 'false',
  PORT: '0',
  HOST: '127.0.0.1',
});
const log = pino.default({ level: 'warn' });
const { default: path } = await import('node:path');
const database = await openDatabase({ dataDir: path.join(env.dataDir, 'pgdata') });
lap('open PGlite');
await migrate(database.db, allMigrationSets());
lap('migrate');
await demo.seedDemo(database.db, env.dataDir);
lap('demo seed');
const kernel = await createKernel(env, database, log);
await registerModules(kernel);
lap('create kernel');
await demoDoc.seedDemoDocument(kernel);
lap('demo document');
const { app } = await buildApp(kernel, { serveWeb: true });
await app.listen({ port: 0, host: '127.0.0.1' });
lap('build app + listen');
const ready = await app.inject({ method: 'GET', url: '/ready' });
lap('first /ready');
parts.total = Math.round(performance.now());
console.log(JSON.stringify({ status: ready.statusCode, parts }));
await app.close();
await database.close();
