import { migrations as embedded, type Migration } from './migrations';
import type { SqlExecutor } from './sql-executor';
import { analyzeTables } from './sql-store';

/** Arbitrary constant shared by every process migrating a Seats database. */
const migrationLockKey = 7_351_120_431;

/**
 * Applies the migrations a database lacks, in one transaction under an advisory lock, so that
 * several processes starting at once migrate it exactly once, then refreshes the statistics the
 * new indexes need. Answers the versions applied.
 */
export async function applyMigrations(
  executor: SqlExecutor,
  migrations: readonly Migration[] = embedded,
): Promise<number[]> {
  const applied = await executor.transaction(async (tx) => {
    // A migration may build an index over every member, and instances starting together wait
    // here for the first: neither is held to a request's timeouts.
    await tx.exec('SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = 0');
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS seats_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM seats_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO seats_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
  if (applied.length > 0) await analyzeTables(executor);
  return applied;
}

/** A store told not to migrate found a database its migrations have not all reached. */
export class MigrationsPendingError extends Error {
  readonly pending: number[];
  constructor(pending: number[]) {
    super(
      `The Seats database lacks migrations ${pending.join(', ')}: run \`seats migrate\` (or open the store with \`migrate: true\`) first.`,
    );
    this.name = 'MigrationsPendingError';
    this.pending = pending;
  }
}

/** Throws `MigrationsPendingError` unless every migration has been applied; changes nothing. */
export async function checkMigrations(
  executor: SqlExecutor,
  migrations: readonly Migration[] = embedded,
): Promise<void> {
  const [table] = await executor.query<{ name: string | null }>(
    "SELECT to_regclass('seats_migrations')::text AS name",
  );
  const rows =
    table?.name == null
      ? []
      : await executor.query<{ version: number }>('SELECT version FROM seats_migrations');
  const done = new Set(rows.map((row) => Number(row.version)));
  const pending = migrations.map((m) => m.version).filter((version) => !done.has(version));
  if (pending.length > 0) throw new MigrationsPendingError(pending.sort((a, b) => a - b));
}
