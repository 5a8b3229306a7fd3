import {
  type Account,
  type AllowancePlan,
  decideGroupConsumption,
  type Instant,
  type Pool,
  type SeatPolicy,
  type SubscriptionUpdate,
} from '@seats/core';
import type { ChangeStatus, QuoteRequest } from '@seats/core/contract';
import { duplicateMemberOf } from './duplicate-member-error';
import { createReadCache } from './read-cache';
import type { RecordedSeatsEvent, SeatsEvent } from './seats-event';
import type {
  AccountState,
  MemberFilter,
  MemberGroup,
  MemberWrite,
  NewAccount,
  NewChange,
  NewMember,
  SeatsStore,
  SeatsTransaction,
  StoredChange,
  StoredMember,
  StoredPeriodEnd,
  StoredQuote,
} from './seats-store';
import {
  createSqlEventOutbox,
  eventsWithIds,
  insertEventsSql,
  recordedEvents,
} from './sql-event-outbox';
import type { SqlExecutor, SqlQueryable } from './sql-executor';

type Row = Record<string, unknown>;

function iso(value: unknown): string {
  return new Date(value as string | Date).toISOString();
}

function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

function numberOrUndefined(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

function toPool(row: Row): Pool {
  return {
    id: row.id as string,
    name: row.name as string,
    term: row.term as Pool['term'],
    purchased: Number(row.purchased),
    scheduledRemoval: Number(row.scheduled_removal),
    pendingSignature: Number(row.pending_signature),
    unitPrice: Number(row.unit_price),
    storagePerLicenceBytes: numberOrUndefined(row.storage_per_licence_bytes),
    min: numberOrUndefined(row.min),
    max: numberOrUndefined(row.max),
  };
}

function toMember(row: Row): StoredMember & { seq: number } {
  return {
    id: row.id as string,
    externalId: (row.external_id as string | null) ?? null,
    name: row.name as string,
    email: row.email as string,
    status: row.status as string,
    role: row.role as string,
    poolId: (row.pool_id as string | null) ?? null,
    addOnIds: parseJson(row.add_on_ids ?? '[]') as string[],
    consumes: row.consumes as boolean,
    revision: Number(row.revision),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    seq: Number(row.seq),
  };
}

function toChange(row: Row): StoredChange {
  return {
    id: row.id as string,
    accountId: row.account_id as string,
    seq: Number(row.seq),
    quoteId: (row.quote_id as string | null) ?? null,
    poolId: row.pool_id as string,
    status: row.status as ChangeStatus,
    plan: row.plan as AllowancePlan,
    actor: {
      memberId: (row.actor_member_id as string | null) ?? null,
      role: row.actor_role as string,
      name: (row.actor_name as string | null) ?? null,
    },
    restored: Number(row.restored ?? 0),
    createdAt: iso(row.created_at),
    effectiveAt: isoOrNull(row.effective_at),
    signedAt: isoOrNull(row.signed_at),
    cancelledAt: isoOrNull(row.cancelled_at),
    charged:
      row.charged_amount === null || row.charged_amount === undefined
        ? null
        : { amount: Number(row.charged_amount), currency: row.charged_currency as string },
    chargeId: (row.charge_id as string | null) ?? null,
    chargeStartedAt: isoOrNull(row.charge_started_at),
    idempotencyKey: (row.idempotency_key as string | null) ?? null,
    reason: (row.reason as string | null) ?? null,
    subscriptionUpdate: (row.subscription_update as SubscriptionUpdate | null) ?? null,
  };
}

function toQuote(row: Row): StoredQuote {
  return {
    id: row.id as string,
    accountId: row.account_id as string,
    version: Number(row.version),
    request: row.request as QuoteRequest,
    plan: row.plan as AllowancePlan,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    changeId: (row.change_id as string | null) ?? null,
  };
}

function toPeriodEnd(row: Row): StoredPeriodEnd {
  return {
    accountId: row.account_id as string,
    period: { start: iso(row.period_start), end: iso(row.period_end) },
    endedStart: iso(row.ended_start),
    contractOutcome: (row.contract_outcome as StoredPeriodEnd['contractOutcome']) ?? null,
    charges: row.charges as StoredPeriodEnd['charges'],
    amount: { amount: Number(row.amount), currency: row.currency as string },
    chargeStatus: row.charge_status as StoredPeriodEnd['chargeStatus'],
    chargeId: (row.charge_id as string | null) ?? null,
    failureReason: (row.failure_reason as string | null) ?? null,
    rolledAt: iso(row.rolled_at),
    chargeStartedAt: isoOrNull(row.charge_started_at),
    chargedAt: isoOrNull(row.charged_at),
  };
}

const periodEndColumns =
  'account_id, period_start, period_end, ended_start, contract_outcome, charges, amount, currency, charge_status, charge_id, failure_reason, rolled_at, charge_started_at, charged_at';

/** With `removalFloor: 'holders'`, a decrease counts every member holding a pool, so load them. */
async function withHolders(db: SqlQueryable, state: AccountState): Promise<AccountState> {
  if (state.policy.removalFloor !== 'holders') return state;
  const rows = await db.query(
    `SELECT pool_id, count(*) AS held FROM (
       SELECT pool_id FROM seats_members WHERE account_id = $1 AND pool_id IS NOT NULL
       UNION ALL SELECT pool_id FROM seats_member_add_ons WHERE account_id = $1
     ) AS held GROUP BY pool_id`,
    [state.account.id],
  );
  const heldByPool: Record<string, number> = {};
  for (const row of rows) heldByPool[row.pool_id as string] = Number(row.held);
  return { ...state, heldByPool };
}

function toAccountState(accountRow: Row, poolRows: Row[]): AccountState {
  const storage = accountRow.storage_used_bytes;
  const account: Account = {
    id: accountRow.id as string,
    name: accountRow.name as string,
    plan: accountRow.plan as string,
    currency: accountRow.currency as string,
    billingPeriod: { start: iso(accountRow.period_start), end: iso(accountRow.period_end) },
    contract: accountRow.contract as Account['contract'],
    ...(storage === null || storage === undefined ? {} : { storageUsedBytes: Number(storage) }),
  };
  const usedByPool: Record<string, number> = {};
  for (const row of poolRows) usedByPool[row.id as string] = Number(row.used);
  return {
    account,
    policy: accountRow.policy as SeatPolicy,
    pools: poolRows.map(toPool),
    usedByPool,
    version: Number(accountRow.version),
  };
}

const poolColumns =
  'id, name, term, purchased, scheduled_removal, pending_signature, unit_price, storage_per_licence_bytes, min, max, used';
const accountColumns =
  'id, name, plan, currency, period_start, period_end, contract, storage_used_bytes, policy, version';
const changeStatuses: readonly ChangeStatus[] = [
  'applied',
  'scheduled',
  'pending-signature',
  'cancelled',
  'charging',
  'failed',
];
const changeColumns =
  'id, account_id, seq, quote_id, pool_id, status, plan, actor_member_id, actor_role, actor_name, restored, created_at, effective_at, signed_at, cancelled_at, charged_amount, charged_currency, charge_id, charge_started_at, idempotency_key, reason, subscription_update';
const addOnIdsOf = (member: string) =>
  `(SELECT coalesce(jsonb_agg(a.pool_id ORDER BY a.pool_id), '[]'::jsonb) FROM seats_member_add_ons AS a
    WHERE a.account_id = ${member}.account_id AND a.member_id = ${member}.id)`;
const memberColumns = `id, external_id, seq, name, email, status, role, pool_id,
  ${addOnIdsOf('seats_members')} AS add_on_ids, consumes, revision, created_at, updated_at`;
/**
 * A page of members of the account `$1`: an account without add-ons (most) skips looking them up
 * for each member, which costs a page a sixth of its time.
 */
const memberPageColumns = `id, external_id, seq, name, email, status, role, pool_id,
  CASE WHEN EXISTS (SELECT 1 FROM seats_member_add_ons WHERE account_id = $1)
    THEN ${addOnIdsOf('seats_members')} ELSE '[]'::jsonb END AS add_on_ids,
  consumes, revision, created_at, updated_at`;

async function openChanges(db: SqlQueryable, accountId: string): Promise<StoredChange[]> {
  const rows = await db.query(
    `SELECT ${changeColumns} FROM seats_changes
     WHERE account_id = $1 AND status IN ('scheduled', 'pending-signature') ORDER BY seq DESC`,
    [accountId],
  );
  return rows.map(toChange);
}

async function memberGroupsOf(
  db: SqlQueryable,
  accountId: string,
): Promise<(MemberGroup & { addOnIds: string[]; stored: boolean })[]> {
  const rows = await db.query(
    `SELECT m.status, m.role, m.pool_id, m.consumes, a.add_on_ids, count(*) AS members
     FROM seats_members AS m
     CROSS JOIN LATERAL (SELECT coalesce(jsonb_agg(pool_id ORDER BY pool_id), '[]'::jsonb) AS add_on_ids
       FROM seats_member_add_ons WHERE account_id = m.account_id AND member_id = m.id) AS a
     WHERE m.account_id = $1
     GROUP BY m.status, m.role, m.pool_id, m.consumes, a.add_on_ids`,
    [accountId],
  );
  return rows.map((row) => ({
    status: row.status as string,
    role: row.role as string,
    poolId: (row.pool_id as string | null) ?? null,
    addOnIds: parseJson(row.add_on_ids) as string[],
    count: Number(row.members),
    stored: row.consumes as boolean,
  }));
}

function transactionOf(tx: SqlQueryable): SeatsTransaction {
  // The store's statements run on this transaction; a write's own transaction joins it.
  const members = createSqlStore(
    {
      query: (sql, params) => tx.query(sql, params),
      exec: (sql) => tx.exec(sql),
      transaction: (work) => work(tx),
      ping: async () => {},
      close: async () => {},
    },
    'postgres',
  );
  return {
    listMembers: (accountId, filter) => members.listMembers(accountId, filter),
    createMember: (...args) => members.createMember(...args),
    updateMember: (...args) => members.updateMember(...args),
    deleteMember: (...args) => members.deleteMember(...args),
    async lockAccount(accountId) {
      // Locked in id order, as every writer locks pools; answered in display order.
      const pools = await tx.query(
        `SELECT ${poolColumns}, position FROM seats_pools WHERE account_id = $1 ORDER BY id FOR UPDATE`,
        [accountId],
      );
      // NO KEY UPDATE: a writer that already inserted a quote, change or idempotency record holds
      // a key-share lock on the account through the foreign key, which FOR UPDATE would wait for.
      const accounts = await tx.query(
        `SELECT ${accountColumns} FROM seats_accounts WHERE id = $1 FOR NO KEY UPDATE`,
        [accountId],
      );
      const account = accounts[0];
      if (account === undefined) return null;
      pools.sort((a, b) => Number(a.position) - Number(b.position));
      return withHolders(tx, toAccountState(account, pools));
    },
    async claimIdempotencyKey(accountId, key, requestHash, now) {
      const inserted = await tx.query(
        `INSERT INTO seats_idempotency_keys (account_id, key, request_hash, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
        [accountId, key, requestHash, now],
      );
      if (inserted.length > 0) return { status: 'new' };
      const rows = await tx.query(
        `SELECT request_hash, response_status, response_body FROM seats_idempotency_keys
         WHERE account_id = $1 AND key = $2`,
        [accountId, key],
      );
      const row = rows[0];
      if (row === undefined) throw new Error('idempotency record vanished while it was read');
      return {
        status: 'replay',
        requestHash: row.request_hash as string,
        response:
          row.response_status === null
            ? null
            : {
                status: Number(row.response_status),
                body: JSON.parse(row.response_body as string),
              },
      };
    },
    async saveIdempotentResponse(accountId, key, status, body) {
      await tx.query(
        `UPDATE seats_idempotency_keys SET response_status = $3, response_body = $4
         WHERE account_id = $1 AND key = $2`,
        [accountId, key, status, JSON.stringify(body)],
      );
    },
    async passwordFailures(accountId, memberKey) {
      const rows = await tx.query(
        `SELECT failures, since FROM seats_password_failures
         WHERE account_id = $1 AND member_key = $2 FOR UPDATE`,
        [accountId, memberKey],
      );
      const row = rows[0];
      return row === undefined ? null : { count: Number(row.failures), since: iso(row.since) };
    },
    async savePasswordFailures(accountId, memberKey, failures) {
      if (failures === null) {
        await tx.query(
          'DELETE FROM seats_password_failures WHERE account_id = $1 AND member_key = $2',
          [accountId, memberKey],
        );
        return;
      }
      await tx.query(
        `INSERT INTO seats_password_failures (account_id, member_key, failures, since)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, member_key) DO UPDATE SET failures = $3, since = $4`,
        [accountId, memberKey, failures.count, failures.since],
      );
    },
    async releaseIdempotencyKey(accountId, key) {
      await tx.query('DELETE FROM seats_idempotency_keys WHERE account_id = $1 AND key = $2', [
        accountId,
        key,
      ]);
    },
    async reopenQuote(accountId, quoteId, version) {
      await tx.query(
        'UPDATE seats_quotes SET change_id = NULL, version = $3 WHERE account_id = $1 AND id = $2',
        [accountId, quoteId, version],
      );
    },
    async changeByIdempotencyKey(accountId, key) {
      const rows = await tx.query(
        `SELECT ${changeColumns} FROM seats_changes WHERE account_id = $1 AND idempotency_key = $2
         ORDER BY seq DESC LIMIT 1 FOR UPDATE`,
        [accountId, key],
      );
      return rows[0] === undefined ? null : toChange(rows[0]);
    },
    async getQuote(accountId, quoteId) {
      const rows = await tx.query(
        'SELECT * FROM seats_quotes WHERE account_id = $1 AND id = $2 FOR UPDATE',
        [accountId, quoteId],
      );
      return rows[0] === undefined ? null : toQuote(rows[0]);
    },
    async markQuoteUsed(accountId, quoteId, changeId) {
      await tx.query('UPDATE seats_quotes SET change_id = $3 WHERE account_id = $1 AND id = $2', [
        accountId,
        quoteId,
        changeId,
      ]);
    },
    async getChange(accountId, changeId) {
      const rows = await tx.query(
        `SELECT ${changeColumns} FROM seats_changes WHERE account_id = $1 AND id = $2 FOR UPDATE`,
        [accountId, changeId],
      );
      return rows[0] === undefined ? null : toChange(rows[0]);
    },
    async insertChange(change: NewChange) {
      const rows = await tx.query(
        `INSERT INTO seats_changes (id, account_id, quote_id, pool_id, status, plan, actor_member_id,
           actor_role, created_at, effective_at, signed_at, cancelled_at, charged_amount,
           charged_currency, charge_id, idempotency_key, charge_started_at, reason, actor_name,
           subscription_update)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
           (SELECT name FROM seats_members WHERE account_id = $2 AND id = $7), $19)
         RETURNING ${changeColumns}`,
        [
          change.id,
          change.accountId,
          change.quoteId,
          change.poolId,
          change.status,
          JSON.stringify(change.plan),
          change.actor.memberId,
          change.actor.role,
          change.createdAt,
          change.effectiveAt,
          change.signedAt,
          change.cancelledAt,
          change.charged?.amount ?? null,
          change.charged?.currency ?? null,
          change.chargeId,
          change.idempotencyKey,
          change.chargeStartedAt,
          change.reason ?? null,
          change.subscriptionUpdate == null ? null : JSON.stringify(change.subscriptionUpdate),
        ],
      );
      return toChange(rows[0] as Row);
    },
    async updateChange(accountId, changeId, fields) {
      const sets: string[] = [];
      const params: unknown[] = [accountId, changeId];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (fields.status !== undefined) set('status', fields.status);
      if (fields.restored !== undefined) set('restored', fields.restored);
      if (fields.effectiveAt !== undefined) set('effective_at', fields.effectiveAt);
      if (fields.signedAt !== undefined) set('signed_at', fields.signedAt);
      if (fields.cancelledAt !== undefined) set('cancelled_at', fields.cancelledAt);
      if (fields.charged !== undefined) {
        set('charged_amount', fields.charged?.amount ?? null);
        set('charged_currency', fields.charged?.currency ?? null);
      }
      if (fields.chargeId !== undefined) set('charge_id', fields.chargeId);
      if (fields.chargeStartedAt !== undefined) set('charge_started_at', fields.chargeStartedAt);
      if (fields.subscriptionUpdate !== undefined)
        set(
          'subscription_update',
          fields.subscriptionUpdate === null ? null : JSON.stringify(fields.subscriptionUpdate),
        );
      const rows = await tx.query(
        `UPDATE seats_changes SET ${sets.length > 0 ? sets.join(', ') : 'id = id'}
         WHERE account_id = $1 AND id = $2 RETURNING ${changeColumns}`,
        params,
      );
      return toChange(rows[0] as Row);
    },
    openChanges: (accountId) => openChanges(tx, accountId),
    async chargingChangeOf(accountId, poolId) {
      const rows = await tx.query(
        `SELECT ${changeColumns} FROM seats_changes
         WHERE account_id = $1 AND pool_id = $2 AND status = 'charging' LIMIT 1`,
        [accountId, poolId],
      );
      return rows[0] === undefined ? null : toChange(rows[0]);
    },
    async savePool(accountId, pool) {
      await tx.query(
        `UPDATE seats_pools SET purchased = $3, scheduled_removal = $4, pending_signature = $5,
           term = $6
         WHERE account_id = $1 AND id = $2`,
        [
          accountId,
          pool.id,
          pool.purchased,
          pool.scheduledRemoval,
          pool.pendingSignature,
          pool.term,
        ],
      );
    },
    async saveBillingPeriod(accountId, period) {
      await tx.query('UPDATE seats_accounts SET period_start = $2, period_end = $3 WHERE id = $1', [
        accountId,
        period.start,
        period.end,
      ]);
    },
    async bumpVersion(accountId) {
      const rows = await tx.query<{ version: number }>(
        'UPDATE seats_accounts SET version = version + 1 WHERE id = $1 RETURNING version',
        [accountId],
      );
      return Number(rows[0]?.version);
    },
    async saveSignatureToken(accountId, changeId, tokenHash, now) {
      await tx.query(
        `INSERT INTO seats_signature_tokens (account_id, change_id, token_hash, created_at)
         VALUES ($1, $2, $3, $4)`,
        [accountId, changeId, tokenHash, now],
      );
    },
    async useSignatureToken(accountId, changeId, tokenHash, now) {
      const rows = await tx.query(
        `UPDATE seats_signature_tokens SET used_at = $4
         WHERE account_id = $1 AND change_id = $2 AND token_hash = $3 AND used_at IS NULL
         RETURNING change_id`,
        [accountId, changeId, tokenHash, now],
      );
      return rows.length > 0;
    },
    async tryLockAccount(accountId) {
      const total = await tx.query<{ count: string | number }>(
        'SELECT count(*) AS count FROM seats_pools WHERE account_id = $1',
        [accountId],
      );
      const locked = await tx.query(
        'SELECT id FROM seats_pools WHERE account_id = $1 ORDER BY id FOR UPDATE SKIP LOCKED',
        [accountId],
      );
      return locked.length === Number(total[0]?.count ?? 0);
    },
    async saveContract(accountId, contract) {
      await tx.query('UPDATE seats_accounts SET contract = $2 WHERE id = $1', [
        accountId,
        JSON.stringify(contract),
      ]);
    },
    async insertPeriodEnd(periodEnd) {
      const rows = await tx.query(
        `INSERT INTO seats_period_ends (account_id, period_start, period_end, ended_start,
           contract_outcome, charges, amount, currency, charge_status, charge_id, failure_reason,
           rolled_at, charge_started_at, charged_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (account_id, period_start) DO NOTHING RETURNING account_id`,
        [
          periodEnd.accountId,
          periodEnd.period.start,
          periodEnd.period.end,
          periodEnd.endedStart,
          periodEnd.contractOutcome,
          JSON.stringify(periodEnd.charges),
          periodEnd.amount.amount,
          periodEnd.amount.currency,
          periodEnd.chargeStatus,
          periodEnd.chargeId,
          periodEnd.failureReason,
          periodEnd.rolledAt,
          periodEnd.chargeStartedAt,
          periodEnd.chargedAt,
        ],
      );
      return rows.length > 0;
    },
    async recordPeriodCharge(accountId, periodStart, outcome) {
      const rows = await tx.query(
        `UPDATE seats_period_ends SET charge_status = $3, charge_id = $4, failure_reason = $5,
           charged_at = $6
         WHERE account_id = $1 AND period_start = $2 AND charge_status IN ('charging', 'pending')
         RETURNING ${periodEndColumns}`,
        [
          accountId,
          periodStart,
          outcome.status,
          outcome.chargeId,
          outcome.failureReason,
          outcome.status === 'pending' ? null : outcome.at,
        ],
      );
      return rows[0] === undefined ? null : toPeriodEnd(rows[0]);
    },
    async saveAccount(account, policy) {
      await tx.query(
        `UPDATE seats_accounts SET name = $2, plan = $3, currency = $4, period_start = $5,
           period_end = $6, contract = $7, storage_used_bytes = $8, policy = $9
         WHERE id = $1`,
        accountValues(account, policy),
      );
      // Core decides each group of members alike (status, role, pool, add-ons); only the groups
      // whose stored answer differs are written.
      const { groups, usedByPool } = decideGroupConsumption(
        await memberGroupsOf(tx, account.id),
        policy,
      );
      const changed = groups.filter((group) => group.consumes !== group.stored);
      if (changed.length > 0) {
        await tx.query(
          `UPDATE seats_members AS m SET consumes = g.consumes
           FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[])
             AS g (status, role, pool_id, consumes)
           WHERE m.account_id = $1 AND m.status = g.status AND m.role = g.role
             AND m.pool_id IS NOT DISTINCT FROM g.pool_id AND m.consumes = NOT g.consumes`,
          [
            account.id,
            changed.map((group) => group.status),
            changed.map((group) => group.role),
            changed.map((group) => group.poolId),
            changed.map((group) => group.consumes),
          ],
        );
      }
      await tx.query(
        `UPDATE seats_pools AS p SET used = coalesce(
           (SELECT u.used FROM unnest($2::text[], $3::int[]) AS u (id, used) WHERE u.id = p.id), 0)
         WHERE p.account_id = $1`,
        [account.id, Object.keys(usedByPool), Object.values(usedByPool)],
      );
    },

    async insertPool(accountId, pool) {
      await tx.query(
        `INSERT INTO seats_pools (account_id, id, position, name, term, purchased,
           scheduled_removal, pending_signature, unit_price, storage_per_licence_bytes, min, max, used)
         SELECT $1, $2, coalesce(max(position) + 1, 0), $3, $4, $5, $6, $7, $8, $9, $10, $11, 0
         FROM seats_pools WHERE account_id = $1`,
        [
          accountId,
          pool.id,
          pool.name,
          pool.term,
          pool.purchased,
          pool.scheduledRemoval,
          pool.pendingSignature,
          pool.unitPrice,
          pool.storagePerLicenceBytes ?? null,
          pool.min ?? null,
          pool.max ?? null,
        ],
      );
    },
    async savePoolSettings(accountId, pool) {
      await tx.query(
        `UPDATE seats_pools SET name = $3, term = $4, unit_price = $5,
           storage_per_licence_bytes = $6, min = $7, max = $8
         WHERE account_id = $1 AND id = $2`,
        [
          accountId,
          pool.id,
          pool.name,
          pool.term,
          pool.unitPrice,
          pool.storagePerLicenceBytes ?? null,
          pool.min ?? null,
          pool.max ?? null,
        ],
      );
    },
    async deletePool(accountId, poolId) {
      await tx.query('DELETE FROM seats_pools WHERE account_id = $1 AND id = $2', [
        accountId,
        poolId,
      ]);
    },
    memberGroups: (accountId) => memberGroupsOf(tx, accountId),
    async appendEvents(events) {
      if (events.length === 0) return [];
      const identified = eventsWithIds(events);
      const rows = await tx.query(insertEventsSql('$1'), [JSON.stringify(identified)]);
      return recordedEvents(identified, rows);
    },
  };
}

/** Members inserted per statement when an account is created with them. */
const importBatch = 5_000;

/** Imports of at least this many members refresh the statistics the member lists are planned with. */
const analyzeAfterMembers = 1_000;

export interface SqlStoreOptions {
  /**
   * Only this store writes the seats tables of its database, from this process: the account
   * state and the newest open changes are then kept in memory until its next write.
   */
  exclusive?: boolean;
}

/** The store over any SQL executor; both drivers run exactly these statements. */
export function createSqlStore(
  executor: SqlExecutor,
  driver: SeatsStore['driver'],
  { exclusive = false }: SqlStoreOptions = {},
): SeatsStore {
  const cache = exclusive ? createReadCache(executor) : null;
  const db = cache?.db ?? executor;
  const cached = <T>(key: string, load: () => Promise<T>) => cache?.read(key, load) ?? load();
  async function memberWrite(
    rows: Row[],
    version: unknown,
    events: RecordedSeatsEvent[],
  ): Promise<MemberWrite> {
    const row = rows[0];
    if (row === undefined) return { status: 'conflict' };
    const { seq: _seq, ...member } = toMember(row);
    return { status: 'written', member, version: Number(version), events };
  }

  return {
    driver,
    outbox: createSqlEventOutbox(db),
    loadAccount: (accountId) =>
      cached(`account\u0000${accountId}`, async () => {
        // One round trip for the account and its pools in display order.
        const rows = await db.query(
          `SELECT ${accountColumns},
             (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.position), '[]'::jsonb)
              FROM (SELECT ${poolColumns}, position FROM seats_pools WHERE account_id = $1) AS p) AS pools
           FROM seats_accounts WHERE id = $1`,
          [accountId],
        );
        const row = rows[0];
        if (row === undefined) return null;
        return withHolders(db, toAccountState(row, parseJson(row.pools) as Row[]));
      }),
    async createAccount({ account, policy, pools, members, now }: NewAccount) {
      const created = await db
        .transaction(async (tx) => {
          const inserted = await tx.query(
            `INSERT INTO seats_accounts (id, name, plan, currency, period_start, period_end, contract,
             storage_used_bytes, policy, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id`,
            [...accountValues(account, policy), now],
          );
          if (inserted.length === 0) return false;
          const used: Record<string, number> = {};
          for (const member of members) {
            if (!member.consumes || member.poolId === null) continue;
            for (const poolId of [member.poolId, ...(member.addOnIds ?? [])])
              used[poolId] = (used[poolId] ?? 0) + 1;
          }
          for (const [position, pool] of pools.entries()) {
            await tx.query(
              `INSERT INTO seats_pools (account_id, id, position, name, term, purchased,
               scheduled_removal, pending_signature, unit_price, storage_per_licence_bytes, min, max, used)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
              [
                account.id,
                pool.id,
                position,
                pool.name,
                pool.term,
                pool.purchased,
                pool.scheduledRemoval,
                pool.pendingSignature,
                pool.unitPrice,
                pool.storagePerLicenceBytes ?? null,
                pool.min ?? null,
                pool.max ?? null,
                used[pool.id] ?? 0,
              ],
            );
          }
          // In batches, so that an import of any size needs the memory of one batch at a time.
          for (let start = 0; start < members.length; start += importBatch) {
            const batch = members.slice(start, start + importBatch);
            const column = <K extends keyof (typeof members)[number]>(key: K) =>
              batch.map((member) => member[key]);
            await tx.query(
              `INSERT INTO seats_members (id, account_id, name, email, status, role, pool_id, consumes,
               external_id, created_at, updated_at)
             SELECT id, $1, name, email, status, role, pool_id, consumes, external_id, $2, $2
             FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
               $9::boolean[], $10::text[])
               WITH ORDINALITY AS m (id, name, email, status, role, pool_id, consumes, external_id, n)
             ORDER BY n`,
              [
                account.id,
                now,
                column('id'),
                column('name'),
                column('email'),
                column('status'),
                column('role'),
                column('poolId'),
                column('consumes'),
                batch.map((member) => member.externalId ?? null),
              ],
            );
            const addOns = batch.flatMap((member) =>
              (member.addOnIds ?? []).map((poolId) => ({ memberId: member.id, poolId })),
            );
            if (addOns.length > 0) {
              await tx.query(
                `INSERT INTO seats_member_add_ons (account_id, member_id, pool_id)
                 SELECT $1, member_id, pool_id FROM unnest($2::text[], $3::text[])
                   AS a (member_id, pool_id)`,
                [
                  account.id,
                  addOns.map((addOn) => addOn.memberId),
                  addOns.map((addOn) => addOn.poolId),
                ],
              );
            }
          }
          return true;
        })
        .catch((error: unknown) => {
          throw duplicateMemberOf(error);
        });
      if (created && members.length >= analyzeAfterMembers) await analyzeTables(db);
      return created;
    },
    async getMember(accountId, memberId) {
      const rows = await db.query(
        `SELECT ${memberColumns} FROM seats_members WHERE account_id = $1 AND id = $2`,
        [accountId, memberId],
      );
      if (rows[0] === undefined) return null;
      const { seq: _seq, ...member } = toMember(rows[0]);
      return member;
    },
    async getMemberByExternalId(accountId, externalId) {
      const rows = await db.query(
        `SELECT ${memberColumns} FROM seats_members WHERE account_id = $1 AND external_id = $2`,
        [accountId, externalId],
      );
      if (rows[0] === undefined) return null;
      const { seq: _seq, ...member } = toMember(rows[0]);
      return member;
    },
    async deleteAccount(accountId) {
      // Every table of an account refers to it with ON DELETE CASCADE.
      const rows = await db.query('DELETE FROM seats_accounts WHERE id = $1 RETURNING id', [
        accountId,
      ]);
      return rows.length > 0;
    },
    async listMembers(accountId, filter: MemberFilter) {
      const where = ['account_id = $1'];
      const params: unknown[] = [accountId];
      const add = (clause: string, value: unknown) => {
        params.push(value);
        where.push(clause.replaceAll('?', `$${params.length}`));
      };
      if (filter.status !== undefined) add('status = ?', filter.status);
      if (filter.role !== undefined) add('role = ?', filter.role);
      if (filter.poolId !== undefined && filter.addOnPool !== true)
        add('pool_id = ?', filter.poolId);
      else if (filter.poolId !== undefined) {
        add(
          `(pool_id = ? OR EXISTS (SELECT 1 FROM seats_member_add_ons AS a
             WHERE a.account_id = seats_members.account_id AND a.member_id = seats_members.id
               AND a.pool_id = ?))`,
          filter.poolId,
        );
      }
      if (filter.consuming !== undefined) add('consumes = ?', filter.consuming);
      if (filter.search !== undefined) {
        const prefix = `${escapeLike(filter.search.toLowerCase())}%`;
        add('(lower(name) LIKE ? OR lower(email) LIKE ?)', prefix);
      }
      if (filter.after !== undefined) add('seq > ?', filter.after);
      params.push(filter.limit);
      // A search reads its matches first: walking the account in order and filtering would read
      // nearly all of it when the matches sit late in it, which the planner cannot know.
      const order = filter.search === undefined ? 'seq' : 'seq + 0';
      // The page as one JSON value: PGlite answers 200 rows of 13 columns in about 3.2 ms, five
      // times what running the query takes, and the same page as one value in about 1.6 ms.
      const rows = await db.query(
        `SELECT coalesce(json_agg(page ORDER BY page.seq), '[]') AS members FROM (
           SELECT ${memberPageColumns} FROM seats_members WHERE ${where.join(' AND ')}
           ORDER BY ${order} LIMIT $${params.length}
         ) AS page`,
        params,
      );
      return (parseJson(rows[0]?.members ?? []) as Row[]).map(toMember);
    },
    async createMember(accountId, member, claims, now, events = []) {
      if (claims.length > 1 || (member.addOnIds ?? []).length > 0)
        return createMemberWithAddOns(db, accountId, member, claims, now, events);
      const claim = claims[0] ?? null;
      const identified = eventsWithIds(events);
      const statement = createMemberStatement(accountId, member, claim, now, identified);
      const rows = await db.query(statement.sql, statement.params).catch((error: unknown) => {
        throw duplicateMemberOf(error);
      });
      const row = rows[0];
      if (row === undefined)
        return claim === null ? { status: 'conflict' } : { status: 'no-licence' };
      return {
        status: 'written',
        member: {
          ...member,
          addOnIds: [],
          externalId: member.externalId ?? null,
          revision: 0,
          createdAt: now,
          updatedAt: now,
        },
        version: Number(row.version),
        events: recordedEvents(identified, parseJson(row.events) as Row[]),
      };
    },
    async updateMember(accountId, memberId, revision, after, change, now, events = []) {
      return db
        .transaction(async (tx) => {
          const rows = await tx.query(
            `UPDATE seats_members SET name = $4, email = $5, status = $6, role = $7, pool_id = $8,
               consumes = $9, revision = revision + 1, updated_at = $10,
               external_id = coalesce(external_id, $11)
             WHERE account_id = $1 AND id = $2 AND revision = $3
             RETURNING ${memberColumns}`,
            [
              accountId,
              memberId,
              revision,
              after.name,
              after.email,
              after.status,
              after.role,
              after.poolId,
              after.consumes,
              now,
              after.externalId ?? null,
            ],
          );
          if (rows.length === 0) return { status: 'conflict' } as const;
          await tx.query(
            `DELETE FROM seats_member_add_ons
             WHERE account_id = $1 AND member_id = $2 AND NOT (pool_id = ANY($3::text[]))`,
            [accountId, memberId, after.addOnIds],
          );
          await tx.query(
            `INSERT INTO seats_member_add_ons (account_id, member_id, pool_id)
             SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`,
            [accountId, memberId, after.addOnIds],
          );
          await movePools(tx, accountId, change.claims, change.releases);
          const bumped = await tx.query<{ version: number }>(
            'UPDATE seats_accounts SET version = version + 1 WHERE id = $1 RETURNING version',
            [accountId],
          );
          const recorded = await transactionOf(tx).appendEvents(events);
          return memberWrite(
            rows.map((row) => ({ ...row, add_on_ids: [...after.addOnIds].sort() })),
            bumped[0]?.version,
            recorded,
          );
        })
        .catch((error: unknown) => {
          if (error instanceof NoLicence) return { status: 'no-licence' } as const;
          throw duplicateMemberOf(error);
        });
    },
    async deleteMember(accountId, memberId, revision, events = []) {
      const identified = eventsWithIds(events);
      const rows = await db.query(
        `WITH gone AS (
           DELETE FROM seats_members WHERE account_id = $1 AND id = $2 AND revision = $3
           RETURNING ${memberColumns}
         ),
         -- Its base pool and add-ons, locked in id order as every writer locks pools.
         held AS (
           SELECT id FROM seats_pools
           WHERE account_id = $1 AND id IN (
             SELECT pool_id FROM gone WHERE consumes
             UNION ALL SELECT a.pool_id FROM seats_member_add_ons AS a, gone
             WHERE gone.consumes AND a.account_id = $1 AND a.member_id = $2)
           ORDER BY id FOR UPDATE
         ),
         released AS (
           UPDATE seats_pools SET used = used - 1
           WHERE account_id = $1 AND used > 0 AND id IN (SELECT id FROM held)
           RETURNING id
         ),
         bump AS (
           UPDATE seats_accounts SET version = version + 1
           WHERE id = $1 AND EXISTS (SELECT 1 FROM gone)
             AND (SELECT count(*) FROM released) >= 0
           RETURNING version
         ),
         written_events AS (${insertEventsSql('$4', 'EXISTS (SELECT 1 FROM gone)')})
         SELECT gone.*, (SELECT version FROM bump) AS version,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('seq', seq, 'id', id)), '[]'::jsonb)
            FROM written_events) AS events
         FROM gone`,
        [accountId, memberId, revision, JSON.stringify(identified)],
      );
      return memberWrite(
        rows,
        rows[0]?.version,
        recordedEvents(
          identified,
          rows[0] === undefined ? [] : (parseJson(rows[0].events) as Row[]),
        ),
      );
    },
    async insertQuote(quote) {
      await db.query(
        `INSERT INTO seats_quotes (id, account_id, version, request, plan, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          quote.id,
          quote.accountId,
          quote.version,
          JSON.stringify(quote.request),
          JSON.stringify(quote.plan),
          quote.createdAt,
          quote.expiresAt,
        ],
      );
    },
    async listChanges(accountId, { before, limit, statuses }) {
      const where = ['account_id = $1'];
      const params: unknown[] = [accountId];
      if (before !== undefined) {
        params.push(before);
        where.push(`seq < $${params.length}`);
      }
      if (statuses !== undefined) {
        // Spelled out rather than bound, so that the open changes match their partial index.
        const known = statuses.filter((status) => changeStatuses.includes(status));
        where.push(`status IN (${known.map((status) => `'${status}'`).join(', ') || 'NULL'})`);
      }
      params.push(limit);
      const rows = await db.query(
        `SELECT ${changeColumns} FROM seats_changes WHERE ${where.join(' AND ')}
         ORDER BY seq DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map(toChange);
    },
    openChanges: (accountId) => openChanges(db, accountId),
    async chargingChanges(startedBefore, limit) {
      const rows = await db.query(
        `SELECT ${changeColumns} FROM seats_changes
         WHERE status = 'charging' AND charge_started_at <= $1
         ORDER BY charge_started_at LIMIT $2`,
        [startedBefore, limit],
      );
      return rows.map(toChange);
    },
    async getChange(accountId, changeId) {
      const rows = await db.query(
        `SELECT ${changeColumns} FROM seats_changes WHERE account_id = $1 AND id = $2`,
        [accountId, changeId],
      );
      return rows[0] === undefined ? null : toChange(rows[0]);
    },
    newestOpenChanges: (accountId, limit) =>
      cached(`open\u0000${accountId}\u0000${limit}`, async () => {
        // One round trip: the newest few, each row carrying the count of all and the account's
        // version (one row without a change when none is open).
        const rows = await db.query(
          `WITH newest AS (
           SELECT ${changeColumns} FROM seats_changes
           WHERE account_id = $1 AND status IN ('scheduled', 'pending-signature')
           ORDER BY seq DESC LIMIT $2
         )
         SELECT newest.*, a.version AS account_version, (SELECT count(*) FROM seats_changes
           WHERE account_id = $1 AND status IN ('scheduled', 'pending-signature')) AS total
         FROM seats_accounts AS a LEFT JOIN newest ON true
         WHERE a.id = $1 ORDER BY newest.seq DESC`,
          [accountId, limit],
        );
        const version = rows[0]?.account_version;
        return {
          changes: rows.filter((row) => row.id !== null).map(toChange),
          total: Number(rows[0]?.total ?? 0),
          version: version === undefined ? null : Number(version),
        };
      }),
    async accountsDue(now, limit) {
      const rows = await db.query<{ id: string }>(
        'SELECT id FROM seats_accounts WHERE period_end <= $1 ORDER BY period_end, id LIMIT $2',
        [now, limit],
      );
      return rows.map((row) => row.id);
    },
    async claimPeriodCharges(now, staleBefore, limit) {
      const rows = await db.query(
        `UPDATE seats_period_ends AS p SET charge_status = 'charging', charge_started_at = $1
         FROM (
           SELECT account_id, period_start FROM seats_period_ends
           WHERE charge_status = 'due' OR (charge_status = 'charging' AND charge_started_at <= $2)
           ORDER BY rolled_at LIMIT $3 FOR UPDATE SKIP LOCKED
         ) AS claimed
         WHERE p.account_id = claimed.account_id AND p.period_start = claimed.period_start
         RETURNING ${periodEndColumns.replaceAll(/(\w+)/g, 'p.$1')}`,
        [now, staleBefore, limit],
      );
      return rows.map(toPeriodEnd);
    },
    async listPeriodEnds(accountId, limit) {
      const rows = await db.query(
        `SELECT ${periodEndColumns} FROM seats_period_ends WHERE account_id = $1
         ORDER BY period_start DESC LIMIT $2`,
        [accountId, limit],
      );
      return rows.map(toPeriodEnd);
    },
    async expiredSignatures(now, defaultTtlSeconds, limit) {
      const rows = await db.query(
        `SELECT ${changeColumns.replaceAll(/(\w+)/g, 'c.$1')}, a.policy AS account_policy
         FROM seats_changes AS c JOIN seats_accounts AS a ON a.id = c.account_id
         WHERE c.status = 'pending-signature'
           AND c.created_at + make_interval(secs => coalesce(
             (a.policy->>'signatureTtlSeconds')::float8, $2)) <= $1
         ORDER BY c.created_at LIMIT $3`,
        [now, defaultTtlSeconds, limit],
      );
      return rows.map((row) => ({
        change: toChange(row),
        policy: row.account_policy as SeatPolicy,
      }));
    },
    async prune(before) {
      const quotes = await db.query('DELETE FROM seats_quotes WHERE expires_at < $1 RETURNING id', [
        before,
      ]);
      const keys = await db.query(
        'DELETE FROM seats_idempotency_keys WHERE created_at < $1 RETURNING key',
        [before],
      );
      // Pending events stay, however old: a host may configure its deliveries later.
      const events = await db.query(
        "DELETE FROM seats_events WHERE status IN ('delivered', 'dead') AND created_at < $1 RETURNING seq",
        [before],
      );
      return { quotes: quotes.length, idempotencyKeys: keys.length, events: events.length };
    },
    analyze: () => analyzeTables(db),
    transaction: (work) => db.transaction((tx) => work(transactionOf(tx))),
    ping: () => db.ping(),
    async clear() {
      await db.exec('TRUNCATE seats_accounts CASCADE');
    },
    close: () => db.close(),
  };
}

/** An account's row values, `$1`–`$9` of the statements that write it. */
function accountValues(account: Account, policy: SeatPolicy): unknown[] {
  return [
    account.id,
    account.name,
    account.plan,
    account.currency,
    account.billingPeriod.start,
    account.billingPeriod.end,
    JSON.stringify(account.contract),
    account.storageUsedBytes ?? null,
    JSON.stringify(policy),
  ];
}

class NoLicence extends Error {}

/** Claims and releases one licence of each pool, in id order as every writer locks pools. */
async function movePools(
  tx: SqlQueryable,
  accountId: string,
  claims: readonly string[],
  releases: readonly string[],
): Promise<void> {
  const moves = [
    ...claims.map((poolId) => ({ poolId, claim: true })),
    ...releases.map((poolId) => ({ poolId, claim: false })),
  ].sort((a, b) => (a.poolId < b.poolId ? -1 : a.poolId > b.poolId ? 1 : 0));
  for (const move of moves) {
    const moved = await tx.query(
      move.claim
        ? `UPDATE seats_pools SET used = used + 1
           WHERE account_id = $1 AND id = $2 AND used < purchased - scheduled_removal RETURNING id`
        : `UPDATE seats_pools SET used = used - 1
           WHERE account_id = $1 AND id = $2 AND used > 0 RETURNING id`,
      [accountId, move.poolId],
    );
    if (moved.length === 0 && move.claim) throw new NoLicence();
  }
}

/** A member with add-ons, or claiming several pools: the insert and every claim in one transaction. */
async function createMemberWithAddOns(
  db: SqlExecutor,
  accountId: string,
  member: NewMember,
  claims: readonly string[],
  now: Instant,
  events: readonly SeatsEvent[],
): Promise<MemberWrite> {
  return db
    .transaction(async (tx): Promise<MemberWrite> => {
      await tx.query(
        `INSERT INTO seats_members (id, account_id, name, email, status, role, pool_id, consumes,
           created_at, updated_at, external_id)
         VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $9, $10)`,
        [...memberRowValues(accountId, member, now), member.externalId ?? null],
      );
      await tx.query(
        `INSERT INTO seats_member_add_ons (account_id, member_id, pool_id)
         SELECT $1, $2, unnest($3::text[])`,
        [accountId, member.id, member.addOnIds ?? []],
      );
      await movePools(tx, accountId, claims, []);
      const bumped = await tx.query<{ version: number }>(
        'UPDATE seats_accounts SET version = version + 1 WHERE id = $1 RETURNING version',
        [accountId],
      );
      const recorded = await transactionOf(tx).appendEvents(events);
      return {
        status: 'written',
        member: {
          ...member,
          addOnIds: [...(member.addOnIds ?? [])].sort(),
          externalId: member.externalId ?? null,
          revision: 0,
          createdAt: now,
          updatedAt: now,
        },
        version: Number(bumped[0]?.version),
        events: recorded,
      };
    })
    .catch((error: unknown) => {
      if (error instanceof NoLicence) return { status: 'no-licence' } as const;
      throw duplicateMemberOf(error);
    });
}

/** A json(b) value as the driver returns it: parsed by node-postgres and PGlite, text otherwise. */
function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** Escapes the wildcards of LIKE, whose default escape character is the backslash. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Refreshes the planner's statistics of every Seats table in the current schema. PGlite runs no
 * autovacuum, and PostgreSQL's runs only a while after a bulk import: without statistics, a list
 * of 100,000 members is read whole for every page.
 */
export async function analyzeTables(db: SqlQueryable): Promise<void> {
  const tables = await db.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables
     WHERE schemaname = current_schema() AND tablename LIKE 'seats\\_%'`,
  );
  if (tables.length > 0) await db.exec(`ANALYZE ${tables.map((table) => table.name).join(', ')}`);
}

/**
 * The text of `createMember`'s one statement for a member without add-ons, with or without a
 * licence claim: the claim, the version bump, the insert and its events succeed or fail together.
 */
function createMemberSql(claims: boolean): string {
  const last = claims ? 10 : 9;
  return `WITH ${
    claims
      ? `pool AS (
                UPDATE seats_pools SET used = used + 1
                WHERE account_id = $1 AND id = $10 AND used < purchased - scheduled_removal
                RETURNING account_id
              ),
              bump AS (
                UPDATE seats_accounts SET version = version + 1
                WHERE id = (SELECT account_id FROM pool) RETURNING version
              )`
      : 'bump AS (UPDATE seats_accounts SET version = version + 1 WHERE id = $1 RETURNING version)'
  },
        written_events AS (${insertEventsSql(`$${last + 2}`, 'EXISTS (SELECT 1 FROM bump)')})
        INSERT INTO seats_members (id, account_id, name, email, status, role, pool_id, consumes,
          created_at, updated_at, external_id)
        SELECT $2, $1, $3, $4, $5, $6, $7, $8, $9, $9, $${last + 1} FROM bump
        RETURNING (SELECT version FROM bump) AS version,
          (SELECT coalesce(jsonb_agg(jsonb_build_object('seq', seq, 'id', id)), '[]'::jsonb)
           FROM written_events) AS events`;
}

/** A new member's row, `$1`–`$9` of the statements that insert one. */
function memberRowValues(accountId: string, member: NewMember, now: Instant): unknown[] {
  return [
    accountId,
    member.id,
    member.name,
    member.email,
    member.status,
    member.role,
    member.poolId,
    member.consumes,
    now,
  ];
}

/** Built once: the text depends only on whether the member claims a licence. */
const createMemberSqlWithClaim = createMemberSql(true);
const createMemberSqlWithoutClaim = createMemberSql(false);

/**
 * `createMember`'s one statement and its parameters for a member without add-ons, claiming the
 * licence of the pool `claim` unless it is `null`. Exported for the benchmark, which runs it raw
 * on the driver.
 */
export function createMemberStatement(
  accountId: string,
  member: NewMember,
  claim: string | null,
  now: Instant,
  identified: readonly (SeatsEvent & { id: string })[],
): { sql: string; params: unknown[] } {
  return {
    sql: claim === null ? createMemberSqlWithoutClaim : createMemberSqlWithClaim,
    params: [
      ...memberRowValues(accountId, member, now),
      ...(claim === null ? [] : [claim]),
      member.externalId ?? null,
      JSON.stringify(identified),
    ],
  };
}
