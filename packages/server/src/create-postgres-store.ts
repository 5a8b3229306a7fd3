import pg from 'pg';
import { applyMigrations, checkMigrations } from './migrate';
import type { SeatsStore } from './seats-store';
import {
  classifySqlError,
  DatabaseUnavailableError,
  retryPause,
  type SqlExecutor,
  type SqlQueryable,
  toRequestError,
  transactionAttempts,
} from './sql-executor';
import { createSqlStore } from './sql-store';

/** How long the database may take before a request gives up with 503; none waits forever. */
export interface PostgresTimeouts {
  /** The longest one statement may run (`statement_timeout`). @default 10000 */
  statementTimeoutMs?: number;
  /** The longest one statement may wait for a row lock (`lock_timeout`). @default 5000 */
  lockTimeoutMs?: number;
}

/** What the store uses of a node-postgres client; a `PoolClient` of `pg` fits. */
export interface PostgresPoolClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
  release(error?: Error | boolean): void;
}

/**
 * What the store uses of a node-postgres pool: a `Pool` of `pg` fits, and the kit's types do not
 * need `@types/pg`.
 */
export interface PostgresPool {
  connect(): Promise<PostgresPoolClient>;
  on(event: 'connect', listener: (client: PostgresPoolClient) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  listenerCount(event: 'error'): number;
  end(): Promise<void>;
}

export type PostgresStoreOptions = PostgresTimeouts & {
  /**
   * Applies the migrations the database lacks before the store resolves. With `false`, the store
   * only checks that they were applied (by `seats migrate` at deploy time, under a role that may
   * create tables) and fails with `MigrationsPendingError` otherwise. @default true
   */
  migrate?: boolean;
} & (
    | {
        /** A connection string; the store opens and closes its own pool. */
        connectionString: string;
        /** The most connections the store's pool opens. @default 10 */
        max?: number;
        /** The longest a request waits for a connection (to open, or to be free). @default 5000 */
        connectionTimeoutMs?: number;
      }
    | {
        /**
         * A pool of the host's; it stays open when the store closes. Give it an `error` listener:
         * node-postgres emits `error` on the pool when an idle connection is lost (a database
         * restart, a failover, a proxy's idle timeout), and an unhandled `error` ends the process.
         * The store adds a listener that logs when the pool has none, and one on each client the
         * pool opens from then on. Set `statement_timeout`,
         * `lock_timeout` and `connectionTimeoutMillis` on it too: the store sets its timeouts on
         * each transaction it runs, but single statements run with the pool's settings.
         */
        pool: PostgresPool;
      }
  );

const defaultStatementTimeoutMs = 10_000;
const defaultLockTimeoutMs = 5_000;

function warn(message: string, error: unknown): void {
  console.warn(`[seats] ${message}: ${error instanceof Error ? error.message : String(error)}`);
}

function queryable(client: PostgresPoolClient): SqlQueryable {
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

/** Whether a statement only reads, so that running it again after a lost connection is safe. */
function isReadOnly(sql: string): boolean {
  return /^\s*select\b/i.test(sql) && !/\b(insert|update|delete)\b/i.test(sql);
}

/**
 * An executor over a node-postgres pool: each transaction holds one client from the pool. Every
 * client it checks out has an `error` listener while it is out, and goes back broken (so the pool
 * drops it) when its connection failed; a lost connection fails only the statement or transaction
 * that was on it, and is retried where that is safe.
 */
export function postgresExecutor(
  pool: PostgresPool,
  options: { owned: boolean } & PostgresTimeouts,
): SqlExecutor {
  const statementTimeoutMs = options.statementTimeoutMs ?? defaultStatementTimeoutMs;
  const lockTimeoutMs = options.lockTimeoutMs ?? defaultLockTimeoutMs;
  // A host's pool may have other settings; the kit's own pool sets these when it connects.
  // pg-pool hands a new client over while its socket's data is still being parsed: a FATAL right
  // behind the startup (a backend terminated as it connects) is emitted before the borrower can
  // listen. Every client of the pool keeps this listener for life; the pool still drops it.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const begin = options.owned
    ? 'BEGIN'
    : `BEGIN; SET LOCAL statement_timeout = ${Math.floor(statementTimeoutMs)}; SET LOCAL lock_timeout = ${Math.floor(lockTimeoutMs)}`;

  /** A client with a listener for the errors its connection emits while the kit holds it. */
  async function checkout(): Promise<{
    client: PostgresPoolClient;
    release(error?: unknown): void;
  }> {
    let client: PostgresPoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw classifySqlError(error) === 'other'
        ? error
        : new DatabaseUnavailableError(
            `Could not connect to the database: ${error instanceof Error ? error.message : String(error)}`,
            false,
            { cause: error },
          );
    }
    let lost: unknown = null;
    const onError = (error: unknown) => {
      lost = error;
    };
    client.on('error', onError);
    return {
      client,
      release(error) {
        client.removeListener('error', onError);
        const broken = lost ?? (error !== undefined && isBroken(error) ? error : undefined);
        // A broken client is destroyed rather than handed to the next request.
        client.release(broken === undefined ? undefined : (broken as Error));
      },
    };
  }

  async function query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    let conflicts = 0;
    let reconnects = 0;
    for (;;) {
      const { client, release } = await checkout();
      try {
        const result = await client.query(sql, params as unknown[] | undefined);
        release();
        return result.rows as Row[];
      } catch (error) {
        release(error);
        const kind = classifySqlError(error);
        if (kind === 'conflict' && ++conflicts < transactionAttempts) {
          await retryPause(conflicts);
          continue;
        }
        if (kind === 'connection' && isReadOnly(sql) && ++reconnects < 2) continue;
        throw toRequestError(error, kind === 'connection' && !isReadOnly(sql));
      }
    }
  }

  return {
    query,
    async exec(sql) {
      await query(sql);
    },
    async transaction(work) {
      let conflicts = 0;
      let reconnects = 0;
      for (;;) {
        const { client, release } = await checkout();
        let committing = false;
        try {
          await client.query(begin);
          const result = await work(queryable(client));
          committing = true;
          await client.query('COMMIT');
          release();
          return result;
        } catch (error) {
          let rollbackFailed = false;
          if (!committing && !isBroken(error)) {
            await client.query('ROLLBACK').catch(() => {
              rollbackFailed = true;
            });
          }
          release(rollbackFailed ? new DatabaseUnavailableError('ROLLBACK failed') : error);
          const kind = classifySqlError(error);
          // A commit whose answer was lost may have happened: never run it again.
          if (committing && kind === 'connection') throw toRequestError(error, true);
          if (kind === 'conflict' && ++conflicts < transactionAttempts) {
            await retryPause(conflicts);
            continue;
          }
          if (kind === 'connection' && ++reconnects < 2) continue;
          throw toRequestError(error);
        }
      }
    },
    async ping() {
      await query('SELECT 1');
    },
    async close() {
      if (options.owned) await pool.end();
    },
  };
}

function isBroken(error: unknown): boolean {
  const kind = classifySqlError(error);
  // A timeout cancels the statement but leaves the connection usable.
  return kind === 'connection';
}

/** The store on a PostgreSQL server through node-postgres; migrations are applied before it resolves. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<SeatsStore> {
  const statementTimeoutMs = options.statementTimeoutMs ?? defaultStatementTimeoutMs;
  const lockTimeoutMs = options.lockTimeoutMs ?? defaultLockTimeoutMs;
  let pool: PostgresPool;
  if ('pool' in options) {
    pool = options.pool;
    if (pool.listenerCount('error') === 0)
      pool.on('error', (error) => warn('an idle PostgreSQL connection was lost', error));
  } else {
    pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
      statement_timeout: statementTimeoutMs,
      lock_timeout: lockTimeoutMs,
      // A connection left in a transaction (a stalled process) cannot hold an account's lock for long.
      idle_in_transaction_session_timeout: Math.max(statementTimeoutMs * 3, 30_000),
      // If the network goes silent, the client gives up after the server would have.
      query_timeout: statementTimeoutMs + 5_000,
      keepAlive: true,
    });
    pool.on('error', (error) => warn('an idle PostgreSQL connection was lost', error));
  }
  const executor = postgresExecutor(pool, {
    owned: !('pool' in options),
    statementTimeoutMs,
    lockTimeoutMs,
  });
  try {
    if (options.migrate === false) await checkMigrations(executor);
    else await applyMigrations(executor);
  } catch (error) {
    await executor.close();
    throw error;
  }
  return createSqlStore(executor, 'postgres');
}
