import { defineConfig } from 'vitest/config';

// The integration suite: real PostgreSQL (TEST_DATABASE_URL), real processes, real tools (pdfsig).
export default defineConfig({
  test: {
    include: ['tests/integration/**/*.test.ts'],
    globalSetup: ['tests/helpers/require-postgres.ts', 'tests/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
