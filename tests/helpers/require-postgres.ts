// The integration suite runs against a real PostgreSQL only; without one it fails loudly instead of skipping.
export default function requirePostgres() {
  if (!process.env.TEST_DATABASE_URL) {
    throw new Error(
      'The integration suite needs TEST_DATABASE_URL (a real PostgreSQL); see docs/OPERATIONS.md and .ci/run',
    );
  }
}
