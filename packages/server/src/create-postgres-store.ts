import pg from 'pg';
import { applyMigrations } from './migrate';
import type { SeatsStore } from './seats-store';
import type { SqlExecutor, SqlQueryable } from './sql-executor';
import { createSqlStore } from './sql-store';

export type PostgresStoreOptions =
  /** A connection string; the store opens and closes its own pool. */
  | { connectionString: string }
  /** A pool of the host's; it stays open when the store closes. */
  | { pool: pg.Pool };

function queryable(client: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

/** An executor over a node-postgres pool: each transaction holds one client from the pool. */
export function postgresExecutor(pool: pg.Pool, options: { owned: boolean }): SqlExecutor {
  return {
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (options.owned) await pool.end();
    },
  };
}

/** The store on a PostgreSQL server through node-postgres; migrations are applied before it resolves. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<SeatsStore> {
  const owned = !('pool' in options);
  const pool =
    'pool' in options ? options.pool : new pg.Pool({ connectionString: options.connectionString });
  const executor = postgresExecutor(pool, { owned });
  try {
    await applyMigrations(executor);
  } catch (error) {
    await executor.close();
    throw error;
  }
  return createSqlStore(executor, 'postgres');
}
