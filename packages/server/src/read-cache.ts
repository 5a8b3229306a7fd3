import type { SqlExecutor } from './sql-executor';

/**
 * Reads kept in memory until the next write, for a database that only this executor writes (an
 * embedded PGlite the store opened itself). PGlite runs one statement at a time on the process's
 * own thread, so a summary asked for while other clients page members would otherwise wait behind
 * every one of their statements.
 *
 * Every statement but a read (a `SELECT`, or a `WITH` with no data-modifying part; not `FOR
 * UPDATE`) and every transaction counts as a write once it ends, committed, rolled back or failed:
 * the cache is emptied before its caller sees the result. A read that a write ended during is
 * answered but not kept, so nothing read before a write is served after it.
 */
export interface ReadCache {
  /** The executor to run every statement through, so that its writes empty the cache. */
  db: SqlExecutor;
  /** `load()`'s answer, kept under `key` until the next write. Kept values are frozen. */
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
}

const readStatement = /^\s*(SELECT|WITH)\b/i;
const writeKeyword = /\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE)\b/i;
const isRead = (sql: string) => readStatement.test(sql) && !writeKeyword.test(sql);
/** Reads of this many keys at most are kept; more start the cache afresh. */
const keptLimit = 10_000;

export function createReadCache(inner: SqlExecutor): ReadCache {
  let writes = 0;
  const kept = new Map<string, unknown>();
  const ended = () => {
    writes++;
    kept.clear();
  };
  const write = <T>(running: Promise<T>) => running.finally(ended);
  return {
    db: {
      query: (sql, params) =>
        isRead(sql) ? inner.query(sql, params) : write(inner.query(sql, params)),
      exec: (sql) => write(inner.exec(sql)),
      transaction: (work) => write(inner.transaction(work)),
      ping: () => inner.ping(),
      close: () => write(inner.close()),
    },
    async read<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (kept.has(key)) return kept.get(key) as T;
      const before = writes;
      const value = deepFreeze(await load());
      if (writes !== before) return value;
      if (kept.size >= keptLimit) kept.clear();
      kept.set(key, value);
      return value;
    },
  };
}

/** Frozen all the way down, so that no caller can change what the next one is served. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
