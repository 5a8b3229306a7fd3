import pg from 'pg';

/** The PostgreSQL server the tests may use; when unset, its tests are skipped and say so. */
export const testDatabaseUrl = process.env.SEATS_TEST_DATABASE_URL;

/**
 * A fresh schema on the test server, and pools whose connections use it; `drop()` removes it and
 * closes the pools. For tests and the benchmark only.
 */
export async function createPostgresTestSchema(url: string) {
  const name = `seats_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${name}`);
  const pools: pg.Pool[] = [];
  return {
    name,
    pool(max = 10): pg.Pool {
      const pool = new pg.Pool({ connectionString: url, max, options: `-c search_path=${name}` });
      pools.push(pool);
      return pool;
    },
    async drop() {
      await Promise.all(pools.map((pool) => pool.end()));
      await admin.query(`DROP SCHEMA ${name} CASCADE`);
      await admin.end();
    },
  };
}

export function announceSkippedPostgres(suite: string): void {
  if (testDatabaseUrl === undefined) {
    console.log(
      `[seats] PostgreSQL tests of ${suite} skipped: set SEATS_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.`,
    );
  }
}
