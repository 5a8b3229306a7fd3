/** Runs SQL with `$1` placeholders and returns the rows; what both database drivers provide. */
export interface SqlQueryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
}

/** A database connection (or pool) that can also run a callback in one transaction. */
export interface SqlExecutor extends SqlQueryable {
  /**
   * Runs `work` in a transaction on one connection: committed when it resolves, rolled back when it
   * throws. `work` may run more than once: after a serialisation failure, a deadlock, or a
   * connection lost before the commit was sent, the transaction is retried a bounded number of
   * times, so its effects outside the database must be idempotent.
   */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Answers when the database answers a trivial query; throws `DatabaseUnavailableError` otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The database could not be reached, or dropped the connection, or timed out (statement or lock
 * timeout): the request fails with 503 and a `Retry-After`. When `maybeCommitted` is set the
 * connection was lost while a commit was on its way, so the write may or may not have happened.
 */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  constructor(
    message: string,
    readonly maybeCommitted = false,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A transaction lost a race (serialisation failure or deadlock) on every attempt the kit made. */
export class DatabaseConflictError extends Error {
  override name = 'DatabaseConflictError';
}

/** What a database error means for the request that met it. */
export type SqlFailure = 'conflict' | 'connection' | 'timeout' | 'other';

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections,
  // idle_in_transaction_session_timeout, database_dropped.
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '25P03',
  '57P04',
]);

const connectionMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'not queryable',
  'Cannot use a pool after calling end',
  'Query read timeout',
  'PGlite is clos',
];

/** Classifies an error thrown by a database driver. */
export function classifySqlError(error: unknown): SqlFailure {
  if (typeof error !== 'object' || error === null) return 'other';
  if (error instanceof DatabaseUnavailableError) return 'connection';
  if (error instanceof DatabaseConflictError) return 'conflict';
  const code = (error as { code?: unknown }).code;
  if (code === '40001' || code === '40P01') return 'conflict';
  // query_canceled (statement_timeout), lock_not_available (lock_timeout).
  if (code === '57014' || code === '55P03') return 'timeout';
  if (typeof code === 'string' && (connectionCodes.has(code) || code.startsWith('08')))
    return 'connection';
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && connectionMessages.some((text) => message.includes(text)))
    return 'connection';
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined || cause === error ? 'other' : classifySqlError(cause);
}

/**
 * The error a request sees: connection losses and timeouts as `DatabaseUnavailableError`, races as
 * `DatabaseConflictError`, anything else unchanged.
 */
export function toRequestError(error: unknown, maybeCommitted = false): unknown {
  if (error instanceof DatabaseUnavailableError || error instanceof DatabaseConflictError)
    return error;
  switch (classifySqlError(error)) {
    case 'connection':
      return new DatabaseUnavailableError(
        `The database is unavailable: ${messageOf(error)}`,
        maybeCommitted,
        { cause: error },
      );
    case 'timeout':
      return new DatabaseUnavailableError(`The database timed out: ${messageOf(error)}`, false, {
        cause: error,
      });
    case 'conflict':
      return new DatabaseConflictError(`The write kept losing races: ${messageOf(error)}`, {
        cause: error,
      });
    default:
      return error;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How many times a transaction that lost a race, or its connection before commit, runs in all. */
export const transactionAttempts = 4;

/** A short random pause before retrying, growing with the attempt, so racing writers spread out. */
export function retryPause(attempt: number): Promise<void> {
  const ms = Math.random() * 10 * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
