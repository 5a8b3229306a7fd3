import { PGlite } from '@electric-sql/pglite';
import { applyMigrations } from './migrate';
import type { SeatsStore } from './seats-store';
import type { SqlExecutor, SqlQueryable } from './sql-executor';
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
      const result = await db.query<Row>(sql, params as unknown[] | undefined);
      return result.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

/** An executor over PGlite, whose single connection runs one transaction at a time. */
export function pgliteExecutor(db: PGlite, options: { owned: boolean }): SqlExecutor {
  return {
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
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
