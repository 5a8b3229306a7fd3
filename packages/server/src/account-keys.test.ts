import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteExecutor } from './create-pglite-store';
import { postgresExecutor } from './create-postgres-store';
import { applyMigrations } from './migrate';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';
import type { SqlExecutor } from './sql-executor';

announceSkippedPostgres('the distribution keys of the schema');

/**
 * Tables kept whole on every node rather than distributed by account (Citus "reference tables").
 * Any other Seats table belongs to one account.
 */
const referenceTables = ['seats_migrations'];

/** The column a table is distributed by: the accounts' own id, everyone else's account. */
function accountColumn(table: string): string {
  return table === 'seats_accounts' ? 'id' : 'account_id';
}

interface Constraint {
  table: string;
  name: string;
  kind: string;
  columns: string[];
  referenced: string | null;
  referencedColumns: string[] | null;
}

/** What keeps the schema from being distributed by account, one line each; empty when nothing. */
async function distributionProblems(db: SqlExecutor): Promise<string[]> {
  const problems: string[] = [];
  const tables = await db.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table, array_agg(a.attname::text) AS columns
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname LIKE 'seats\\_%'
     GROUP BY c.relname`,
  );
  const distributed = tables.filter((table) => !referenceTables.includes(table.table));
  for (const table of distributed) {
    if (!table.columns.includes(accountColumn(table.table)))
      problems.push(`${table.table} has no ${accountColumn(table.table)} column`);
  }
  const constraints = await db.query<Constraint>(
    `SELECT c.relname AS table, con.conname AS name, con.contype AS kind,
       (SELECT array_agg(a.attname::text ORDER BY k.position)
        FROM unnest(con.conkey) WITH ORDINALITY AS k (attnum, position)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
       ref.relname AS referenced,
       (SELECT array_agg(a.attname::text ORDER BY k.position)
        FROM unnest(con.confkey) WITH ORDINALITY AS k (attnum, position)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS "referencedColumns"
     FROM pg_constraint con
     JOIN pg_class c ON c.oid = con.conrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_class ref ON ref.oid = con.confrelid
     WHERE n.nspname = current_schema() AND c.relname LIKE 'seats\\_%'
       AND con.contype IN ('p', 'u', 'f', 'x')`,
  );
  for (const constraint of constraints) {
    if (referenceTables.includes(constraint.table)) continue;
    const column = accountColumn(constraint.table);
    const position = constraint.columns.indexOf(column);
    if (position === -1) {
      problems.push(`${constraint.name} on ${constraint.table} leaves out ${column}`);
      continue;
    }
    if (constraint.kind === 'f') {
      const referenced = constraint.referenced as string;
      const target = constraint.referencedColumns?.[position];
      if (target !== accountColumn(referenced)) {
        problems.push(
          `${constraint.name} on ${constraint.table} matches ${column} to ${referenced}.${target}`,
        );
      }
    }
  }
  const uniqueIndexes = await db.query<{ table: string; name: string; columns: string[] | null }>(
    `SELECT c.relname AS table, i.relname AS name,
       (SELECT array_agg(a.attname::text) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum = ANY (x.indkey)) AS columns
     FROM pg_index x
     JOIN pg_class c ON c.oid = x.indrelid
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relname LIKE 'seats\\_%' AND x.indisunique`,
  );
  for (const index of uniqueIndexes) {
    if (referenceTables.includes(index.table)) continue;
    if (!(index.columns ?? []).includes(accountColumn(index.table)))
      problems.push(`unique index ${index.name} on ${index.table} leaves out the account`);
  }
  return problems;
}

const drivers: {
  name: string;
  skip: boolean;
  open: () => Promise<[SqlExecutor, () => Promise<void>]>;
}[] = [
  {
    name: 'PGlite',
    skip: false,
    async open() {
      const db = await PGlite.create();
      return [pgliteExecutor(db, { owned: true }), () => db.close()];
    },
  },
  {
    name: 'PostgreSQL',
    skip: testDatabaseUrl === undefined,
    async open() {
      const schema = await createPostgresTestSchema(testDatabaseUrl as string);
      return [postgresExecutor(schema.pool(2), { owned: false }), () => schema.drop()];
    },
  },
];

for (const driver of drivers) {
  describe.skipIf(driver.skip)(`the schema on ${driver.name}`, () => {
    let db: SqlExecutor;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      [db, dispose] = await driver.open();
      await applyMigrations(db);
    });

    afterAll(async () => {
      await dispose?.();
    });

    it('can be distributed by account: every key, uniqueness and reference includes it', async () => {
      expect(await distributionProblems(db)).toEqual([]);
    });

    it('is checked for keys, uniqueness and references that leave the account out', async () => {
      await db.exec(`
        CREATE TABLE seats_probe_parent (account_id text NOT NULL, id text NOT NULL,
          PRIMARY KEY (account_id, id));
        CREATE TABLE seats_probe (id text PRIMARY KEY, account_id text NOT NULL, email text UNIQUE,
          parent_id text, FOREIGN KEY (parent_id, account_id) REFERENCES seats_probe_parent (account_id, id));
        CREATE UNIQUE INDEX seats_probe_email_index ON seats_probe (lower(email));
        CREATE TABLE seats_probe_global (name text PRIMARY KEY);`);
      try {
        expect((await distributionProblems(db)).sort()).toEqual([
          'seats_probe_email_key on seats_probe leaves out account_id',
          'seats_probe_global has no account_id column',
          'seats_probe_global_pkey on seats_probe_global leaves out account_id',
          'seats_probe_parent_id_account_id_fkey on seats_probe matches account_id to seats_probe_parent.id',
          'seats_probe_pkey on seats_probe leaves out account_id',
          'unique index seats_probe_email_index on seats_probe leaves out the account',
          'unique index seats_probe_email_key on seats_probe leaves out the account',
          'unique index seats_probe_global_pkey on seats_probe_global leaves out the account',
          'unique index seats_probe_pkey on seats_probe leaves out the account',
        ]);
      } finally {
        await db.exec('DROP TABLE seats_probe, seats_probe_parent, seats_probe_global');
      }
    });
  });
}
