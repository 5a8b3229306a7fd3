import { PGlite } from '@electric-sql/pglite';
import { applyMigrations } from './migrate';
import type { SeatsStore } from './seats-store';
import { type SqlExecutor, type SqlQueryable, toRequestError } from './sql-executor';
import { createSqlStore } from './sql-store';

export interface PgliteStoreOptions {
  /** An open PGlite database to use; it stays open when the store closes. */
  db?: PGlite;
  /** Where to persist the database (a folder in Node, `idb://name` in a browser); in memory when omitted. */
  dataDir?: string;
}

function queryable(db: Pick<PGlite, 'query' | 'exec'>): SqlQueryable {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      try {
        const result = await db.query<Row>(sql, params as unknown[] | undefined);
        return result.rows;
      } catch (error) {
        throw toRequestError(error);
      }
    },
    async exec(sql: string) {
      try {
        await db.exec(sql);
      } catch (error) {
        throw toRequestError(error);
      }
    },
  };
}

/** An executor over PGlite, whose single connection runs one transaction at a time. */
export function pgliteExecutor(db: PGlite, options: { owned: boolean }): SqlExecutor {
  return {
    ...queryable(db),
    // One connection runs one transaction at a time: nothing to lose a race against.
    transaction: (work) =>
      db
        .transaction((tx) => work(queryable(tx)))
        .catch((error: unknown) => {
          throw toRequestError(error);
        }),
    async ping() {
      await queryable(db).query('SELECT 1');
    },
    async close() {
      if (options.owned) await db.close();
    },
  };
}

/** The store on an embedded PGlite database (zero set-up); migrations are applied before it resolves. */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<SeatsStore> {
  const db = options.db ?? (await PGlite.create(options.dataDir));
  const executor = pgliteExecutor(db, { owned: options.db === undefined });
  await applyMigrations(executor);
  return createSqlStore(executor, 'pglite');
}
