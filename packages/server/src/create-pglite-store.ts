import type { PGlite } from '@electric-sql/pglite';
import { applyMigrations } from './migrate';
import type { SeatsStore } from './seats-store';
import { type SqlExecutor, type SqlQueryable, toRequestError } from './sql-executor';
import { createSqlStore } from './sql-store';

export interface PgliteStoreOptions {
  /** An open PGlite database to use; it stays open when the store closes. */
  db?: PGlite;
  /** Where to persist the database (a folder in Node, `idb://name` in a browser); in memory when omitted. */
  dataDir?: string;
  /**
   * Whether only this store writes the seats tables of the database: the account state and the
   * newest open changes are then kept in memory between its writes, so that reads do not queue
   * behind PGlite's one connection. On by default for a database the store opens itself; off for
   * a `db` given to it, which others may write.
   */
  exclusive?: boolean;
}

/**
 * The settings of a PGlite database the store opens itself. PGlite keeps its files in memory (or
 * mirrors them there), so PostgreSQL's own cache of 128 MB would hold a second copy of the same
 * pages: 16 MB of it costs no measurable speed and saves over 100 MiB. The file
 * replaces the one initdb wrote, so the settings of that one which apply here are repeated.
 */
export const pgliteSettings = [
  'shared_buffers = 16MB',
  'maintenance_work_mem = 16MB',
  'temp_buffers = 2MB',
  'wal_buffers = 1MB',
  'max_connections = 10',
  "timezone = 'UTC'",
  "log_timezone = 'UTC'",
  "datestyle = 'iso, mdy'",
  "default_text_search_config = 'pg_catalog.english'",
  'dynamic_shared_memory_type = posix',
  'max_wal_size = 1GB',
  'min_wal_size = 80MB',
];

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

/**
 * Creates a directory given as `dataDir` (and its parents) when it is missing, as PGlite does not;
 * a URL such as `idb://seats` or `memory://` is left to PGlite.
 */
function createDataDir(dataDir: string): void {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir)) return;
  // Read at run time so that bundles for the browser never see node:fs.
  const fs = globalThis.process?.getBuiltinModule?.('node:fs') as
    | typeof import('node:fs')
    | undefined;
  fs?.mkdirSync(dataDir, { recursive: true });
}

/** How a store loads PGlite when it opens a database itself. */
export type LoadPglite = () => Promise<{ PGlite: typeof PGlite }>;

/** The store on an embedded PGlite database, loaded by `load`; migrations are applied before it resolves. */
export async function openPgliteStore(
  options: PgliteStoreOptions,
  load: LoadPglite,
): Promise<SeatsStore> {
  if (options.db === undefined && options.dataDir !== undefined) createDataDir(options.dataDir);
  const db =
    options.db ??
    (await (
      await load()
    ).PGlite.create({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      postgresqlconf: pgliteSettings,
    }));
  const executor = pgliteExecutor(db, { owned: options.db === undefined });
  await applyMigrations(executor);
  return createSqlStore(executor, 'pglite', {
    exclusive: options.exclusive ?? options.db === undefined,
  });
}
