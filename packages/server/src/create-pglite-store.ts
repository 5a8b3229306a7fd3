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
  if (isUrl(dataDir)) return;
  nodeModule<typeof import('node:fs')>('node:fs')?.mkdirSync(dataDir, { recursive: true });
}

const isUrl = (dataDir: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir);

/** Node's module of that name, read at run time so that bundles for the browser never see it. */
function nodeModule<T>(name: string): T | undefined {
  return globalThis.process?.getBuiltinModule?.(name) as T | undefined;
}

/** The path of this file: the CommonJS build has no import.meta.url, only __filename. */
function thisFile(url: typeof import('node:url')): string {
  return import.meta.url ? url.fileURLToPath(import.meta.url) : __filename;
}

/** The version of the PGlite this package resolves, when it can be read (in Node). */
export function pgliteVersion(): string | undefined {
  const module = nodeModule<typeof import('node:module')>('node:module');
  const path = nodeModule<typeof import('node:path')>('node:path');
  const url = nodeModule<typeof import('node:url')>('node:url');
  const fs = nodeModule<typeof import('node:fs')>('node:fs');
  if (module === undefined || path === undefined || url === undefined || fs === undefined) return;
  try {
    // PGlite does not export its package.json: it is found beside the dist/ of its entry.
    const entry = module.createRequire(thisFile(url)).resolve('@electric-sql/pglite');
    const file = path.join(path.dirname(entry), '..', 'package.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    return manifest.name === '@electric-sql/pglite' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

/** The file in pglite/ holding the data folder initdb writes for this version of PGlite. */
export const preparedDataDirName = (version: string) => `initdb-${version}.tar.gz`;

/**
 * The data folder initdb writes, as shipped in pglite/ for the installed version of PGlite
 * (`scripts/pglite-data-dir.ts`), when it is there and `dataDir` holds no database yet. PGlite
 * runs initdb in a second instance whose WebAssembly memory (and a copy of it) stays in the
 * process until a full garbage collection, which a server rarely runs: starting from the folder
 * instead leaves out about 300 MiB, and a second of initdb. Any other version, a bundle that
 * moved the file, or a browser runs initdb as before; migrations apply on top either way.
 */
function preparedDataDir(dataDir: string | undefined): Blob | undefined {
  const path = nodeModule<typeof import('node:path')>('node:path');
  const url = nodeModule<typeof import('node:url')>('node:url');
  const fs = nodeModule<typeof import('node:fs')>('node:fs');
  const version = pgliteVersion();
  if (path === undefined || url === undefined || fs === undefined || version === undefined) return;
  if (dataDir !== undefined && isUrl(dataDir)) return;
  try {
    if (dataDir !== undefined && fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return;
    const root = path.join(path.dirname(thisFile(url)), '..');
    const tarball = fs.readFileSync(path.join(root, 'pglite', preparedDataDirName(version)));
    return new Blob([tarball], { type: 'application/gzip' });
  } catch {
    return undefined;
  }
}

/** How a store loads PGlite when it opens a database itself. */
export type LoadPglite = () => Promise<{ PGlite: typeof PGlite }>;

/** The store on an embedded PGlite database, loaded by `load`; migrations are applied before it resolves. */
export async function openPgliteStore(
  options: PgliteStoreOptions,
  load: LoadPglite,
): Promise<SeatsStore> {
  if (options.db === undefined && options.dataDir !== undefined) createDataDir(options.dataDir);
  const prepared = options.db === undefined ? preparedDataDir(options.dataDir) : undefined;
  const db =
    options.db ??
    (await (
      await load()
    ).PGlite.create({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      ...(prepared === undefined ? {} : { loadDataDir: prepared }),
      postgresqlconf: pgliteSettings,
    }));
  const executor = pgliteExecutor(db, { owned: options.db === undefined });
  await applyMigrations(executor);
  return createSqlStore(executor, 'pglite', {
    exclusive: options.exclusive ?? options.db === undefined,
  });
}
