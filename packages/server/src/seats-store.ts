import type {
  Account,
  AllowancePlan,
  Instant,
  MemberGroup,
  Money,
  PasswordFailures,
  Pool,
  RecurringCharge,
  SeatPolicy,
  SubscriptionUpdate,
} from '@seats/core';
import type { ChangeStatus, QuoteRequest } from '@seats/core/contract';
import type { EventOutbox } from './event-outbox';
import type { RecordedSeatsEvent, SeatsEvent } from './seats-event';

/** An account as stored: its policy, pools with their consuming counts, and its version. */
export interface AccountState {
  account: Account;
  policy: SeatPolicy;
  pools: Pool[];
  /** Consuming members per pool id. */
  usedByPool: Record<string, number>;
  /** Members holding each pool whatever their status; loaded when the policy's `removalFloor` is `holders`. */
  heldByPool?: Record<string, number> | undefined;
  /** Increments on every change of the account's pools or members. */
  version: number;
}

export interface StoredMember {
  id: string;
  /** The host's own id for the member, when it gave one (see `createSeatsAdmin`). */
  externalId: string | null;
  name: string;
  email: string;
  status: string;
  role: string;
  poolId: string | null;
  /** Add-on pools held beside `poolId`, in id order. */
  addOnIds: string[];
  consumes: boolean;
  revision: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface MemberFields {
  name: string;
  email: string;
  status: string;
  role: string;
  poolId: string | null;
  /** Add-on pools held beside `poolId`; each consumes a licence when the member does. */
  addOnIds: string[];
  consumes: boolean;
}

export interface MemberFilter {
  status?: string | undefined;
  role?: string | undefined;
  /** Members holding this pool as their base pool, and as an add-on when `addOnPool`. */
  poolId?: string | undefined;
  /**
   * Whether `poolId` is an add-on pool (`term: 'add-on'`), which members also hold as an add-on;
   * only then is the add-on table read, so that other pools' lists stay on the member indexes.
   */
  addOnPool?: boolean | undefined;
  consuming?: boolean | undefined;
  /** Members whose name or email starts with this text, ignoring case. */
  search?: string | undefined;
  /** Members after this sequence number. */
  after?: number | undefined;
  limit: number;
}

export type MemberWrite =
  | {
      status: 'written';
      member: StoredMember;
      version: number;
      /** The events given to the write, as the outbox recorded them with it. */
      events: RecordedSeatsEvent[];
    }
  /** The licence to claim was taken meanwhile. */
  | { status: 'no-licence' }
  /** The member changed or disappeared since it was read. */
  | { status: 'conflict' };

export interface StoredQuote {
  id: string;
  accountId: string;
  version: number;
  request: QuoteRequest;
  plan: AllowancePlan;
  createdAt: Instant;
  expiresAt: Instant;
  changeId: string | null;
}

export interface StoredChange {
  id: string;
  accountId: string;
  seq: number;
  quoteId: string | null;
  poolId: string;
  status: ChangeStatus;
  /** What was asked, as committed; never rewritten. */
  plan: AllowancePlan;
  /** `name` is the member's name when they acted, kept by the store at insert. */
  actor: { memberId: string | null; role: string; name: string | null };
  /** Licences of a scheduled removal that later purchases gave back. */
  restored: number;
  createdAt: Instant;
  effectiveAt: Instant | null;
  signedAt: Instant | null;
  cancelledAt: Instant | null;
  charged: { amount: number; currency: string } | null;
  chargeId: string | null;
  /** When the change went to `charging`; recovery settles the ones left there too long. */
  chargeStartedAt: Instant | null;
  /** The `Idempotency-Key` of the commit that made it. */
  idempotencyKey: string | null;
  /** Why the change was made, for changes made through the admin API (a sales deal). */
  reason?: string | null | undefined;
  /**
   * In the subscription-quantity mode, what the provider is told when the change applies, decided
   * under the account's lock when it went to the provider.
   */
  subscriptionUpdate?: SubscriptionUpdate | null | undefined;
}

export type NewChange = Omit<StoredChange, 'seq' | 'actor' | 'restored'> & {
  actor: { memberId: string | null; role: string };
};

/**
 * Where the charge of a period end stands: `none` owes nothing; `due` waits for the job;
 * `charging` is with the provider (or was, when a crash interrupted it); `pending` waits for the
 * provider's confirmation; `charged` and `failed` are final.
 */
export type PeriodChargeStatus = 'none' | 'due' | 'charging' | 'pending' | 'charged' | 'failed';

/** One period end an account passed, recorded once, with what the period that began bills. */
export interface StoredPeriodEnd {
  accountId: string;
  /** The period that began. */
  period: { start: Instant; end: Instant };
  /** The start of the period that ended (at `period.start`). */
  endedStart: Instant;
  /** The main contract's term ended here: renewed or ended. */
  contractOutcome: 'renewed' | 'ended' | null;
  /** Each pool's charge, with the pool's price of one licence per period (per day when `per: 'day'`). */
  charges: (RecurringCharge & { unitPrice: number })[];
  /** The sum of `charges`. */
  amount: Money;
  chargeStatus: PeriodChargeStatus;
  chargeId: string | null;
  failureReason: string | null;
  rolledAt: Instant;
  chargeStartedAt: Instant | null;
  chargedAt: Instant | null;
}

/** What pruning deleted. */
export interface PruneCounts {
  quotes: number;
  idempotencyKeys: number;
  /** Events delivered to every endpoint, or dead, before the retention. */
  events: number;
}
/** Members of an account with one status, role and pool, as the admin API checks a new policy. */
export type { MemberGroup };

/** A member to insert: its fields, its id, and the host's own id for it when given. */
export type NewMember = Omit<MemberFields, 'addOnIds'> & {
  id: string;
  externalId?: string | null | undefined;
  /** @default [] */
  addOnIds?: string[] | undefined;
};

export type IdempotencyClaim =
  | { status: 'new' }
  | {
      status: 'replay';
      requestHash: string;
      response: { status: number; body: unknown } | null;
    };

/** Writes made under the account's lock, inside one transaction. */
export interface SeatsTransaction {
  /**
   * Locks the account's pools, then the account, and returns them as they are now; `null` when the
   * account does not exist. Every writer takes the locks in this order.
   */
  lockAccount(accountId: string): Promise<AccountState | null>;
  /** Records the idempotency key, waiting for a concurrent holder of the same key to finish first. */
  claimIdempotencyKey(
    accountId: string,
    key: string,
    requestHash: string,
    now: Instant,
  ): Promise<IdempotencyClaim>;
  saveIdempotentResponse(
    accountId: string,
    key: string,
    status: number,
    body: unknown,
  ): Promise<void>;
  /** The wrong passwords a member (`memberKey`) entered in the current window. */
  passwordFailures(accountId: string, memberKey: string): Promise<PasswordFailures | null>;
  /** Saves them; `null` forgets them. */
  savePasswordFailures(
    accountId: string,
    memberKey: string,
    failures: PasswordFailures | null,
  ): Promise<void>;
  /** Forgets an idempotency key, so that the request may be sent again with it. */
  releaseIdempotencyKey(accountId: string, key: string): Promise<void>;
  getQuote(accountId: string, quoteId: string): Promise<StoredQuote | null>;
  markQuoteUsed(accountId: string, quoteId: string, changeId: string): Promise<void>;
  /** Makes a used quote usable again, bound to `version`, after its change failed. */
  reopenQuote(accountId: string, quoteId: string, version: number): Promise<void>;
  getChange(accountId: string, changeId: string): Promise<StoredChange | null>;
  /** The change a commit with this idempotency key made, locked. */
  changeByIdempotencyKey(accountId: string, key: string): Promise<StoredChange | null>;
  insertChange(change: NewChange): Promise<StoredChange>;
  updateChange(
    accountId: string,
    changeId: string,
    fields: Partial<
      Pick<
        StoredChange,
        | 'status'
        | 'restored'
        | 'effectiveAt'
        | 'signedAt'
        | 'cancelledAt'
        | 'charged'
        | 'chargeId'
        | 'chargeStartedAt'
        | 'subscriptionUpdate'
      >
    >,
  ): Promise<StoredChange>;
  /** Another change of the pool still with the provider (`charging`), if any. */
  chargingChangeOf(accountId: string, poolId: string): Promise<StoredChange | null>;
  /** Changes still open: scheduled removals and pending signatures, newest first. */
  openChanges(accountId: string): Promise<StoredChange[]>;
  /** Writes a pool's purchased, scheduled and pending quantities. */
  savePool(accountId: string, pool: Pool): Promise<void>;
  saveBillingPeriod(accountId: string, period: { start: Instant; end: Instant }): Promise<void>;
  bumpVersion(accountId: string): Promise<number>;
  saveSignatureToken(
    accountId: string,
    changeId: string,
    tokenHash: string,
    now: Instant,
  ): Promise<void>;
  /** Marks the token used and answers whether it matched an unused one. */
  useSignatureToken(
    accountId: string,
    changeId: string,
    tokenHash: string,
    now: Instant,
  ): Promise<boolean>;
  /**
   * Locks the account's pools unless another transaction holds any of them (`FOR UPDATE SKIP
   * LOCKED`): `false` when one is held, so a job moves on instead of waiting. Then `lockAccount`.
   */
  tryLockAccount(accountId: string): Promise<boolean>;
  saveContract(accountId: string, contract: Account['contract']): Promise<void>;
  /** Records a period end; `false` when this account and period start were recorded already. */
  insertPeriodEnd(periodEnd: StoredPeriodEnd): Promise<boolean>;
  /** Records the provider's answer for a claimed period charge still `charging` or `pending`;
   * `null` when it was recorded already. */
  recordPeriodCharge(
    accountId: string,
    periodStart: Instant,
    outcome: {
      status: 'charged' | 'pending' | 'failed';
      chargeId: string | null;
      failureReason: string | null;
      at: Instant;
    },
  ): Promise<StoredPeriodEnd | null>;
  /**
   * Saves an account's fields and policy, and recounts which members consume a licence under the
   * policy, so that each pool's count of used licences follows it.
   */
  saveAccount(account: Account, policy: SeatPolicy): Promise<void>;
  /** Adds a pool after the account's others. */
  insertPool(accountId: string, pool: Pool): Promise<void>;
  /** Saves a pool's name, term, price, storage and bounds (its quantities are `savePool`'s). */
  savePoolSettings(accountId: string, pool: Pool): Promise<void>;
  deletePool(accountId: string, poolId: string): Promise<void>;
  /** The account's members counted by status, role, pool and add-ons. */
  memberGroups(accountId: string): Promise<MemberGroup[]>;
  /** Writes events to the outbox, committed or rolled back with the rest of the transaction. */
  appendEvents(events: readonly SeatsEvent[]): Promise<RecordedSeatsEvent[]>;
  /** The store's member reads, in this transaction. */
  listMembers: SeatsStore['listMembers'];
  /**
   * The store's member writes, in this transaction, so that several commit or roll back together.
   * One that answers `no-licence` or `conflict` may have written part of itself: throw, and the
   * transaction rolls it back.
   */
  createMember: SeatsStore['createMember'];
  updateMember: SeatsStore['updateMember'];
  deleteMember: SeatsStore['deleteMember'];
}

/** A new account with its pools and members, e.g. from `seedDemoAccounts`. */
export interface NewAccount {
  account: Account;
  policy: SeatPolicy;
  pools: Pool[];
  members: NewMember[];
  now: Instant;
}

/**
 * Where the handler keeps accounts, members, quotes and the audit trail. One SQL implementation
 * serves both drivers (`createPgliteStore`, `createPostgresStore`); licence claims are conditional
 * updates in the database, so concurrent requests and several handlers on one database never
 * oversubscribe a pool.
 */
export interface SeatsStore {
  readonly driver: 'pglite' | 'postgres';
  /** The events written with the changes they report, and their deliveries (`jobs.deliver()`). */
  readonly outbox: EventOutbox;
  loadAccount(accountId: string): Promise<AccountState | null>;
  /** Creates the account unless one with its id exists; answers whether it did. */
  createAccount(input: NewAccount): Promise<boolean>;
  getMember(accountId: string, memberId: string): Promise<StoredMember | null>;
  /** The member the host knows by `externalId`. */
  getMemberByExternalId(accountId: string, externalId: string): Promise<StoredMember | null>;
  /**
   * Deletes an account and everything that belongs to it: pools, members, quotes, changes,
   * idempotency records, password failures and signature tokens. Answers whether it existed.
   */
  deleteAccount(accountId: string): Promise<boolean>;
  listMembers(accountId: string, filter: MemberFilter): Promise<(StoredMember & { seq: number })[]>;
  /** Inserts a member and takes one free licence of each pool `claims` names, atomically. */
  createMember(
    accountId: string,
    member: NewMember,
    claims: readonly string[],
    now: Instant,
    /** Written to the outbox in the same statement, when the member is. */
    events?: readonly SeatsEvent[],
  ): Promise<MemberWrite>;
  /**
   * Changes a member still at `revision`, claiming and releasing licences as decided, atomically.
   * An `externalId` in `after` is set on a member that has none (another member's is a
   * `DuplicateMemberError`); without one, the member's stays as it is.
   */
  updateMember(
    accountId: string,
    memberId: string,
    revision: number,
    after: MemberFields & { externalId?: string | null | undefined },
    change: { claims: readonly string[]; releases: readonly string[] },
    now: Instant,
    /** Written to the outbox in the same transaction, when the member is. */
    events?: readonly SeatsEvent[],
  ): Promise<MemberWrite>;
  /** Deletes a member still at `revision` and releases its licences (base and add-ons). */
  deleteMember(
    accountId: string,
    memberId: string,
    revision: number,
    /** Written to the outbox in the same statement, when the member is deleted. */
    events?: readonly SeatsEvent[],
  ): Promise<MemberWrite>;
  insertQuote(quote: StoredQuote): Promise<void>;
  /** Changes newest first, before the change with sequence `before` when given. */
  listChanges(
    accountId: string,
    options: {
      before?: number | undefined;
      limit: number;
      /** Only changes in one of these statuses. */
      statuses?: readonly ChangeStatus[] | undefined;
    },
  ): Promise<StoredChange[]>;
  /** Every open change (scheduled removals and pending signatures), newest first. */
  openChanges(accountId: string): Promise<StoredChange[]>;
  /** Changes of any account left in `charging` since before `startedBefore`, oldest first. */
  chargingChanges(startedBefore: Instant, limit: number): Promise<StoredChange[]>;
  /** One change of the account, as it is now; `null` when the account has no such change. */
  getChange(accountId: string, changeId: string): Promise<StoredChange | null>;
  /**
   * The newest `limit` open changes, how many are open in all, and the account's version they
   * were read at (`null` without the account), in one read.
   */
  newestOpenChanges(
    accountId: string,
    limit: number,
  ): Promise<{ changes: StoredChange[]; total: number; version: number | null }>;
  /**
   * Refreshes the database's statistics of the Seats tables, so that its planner keeps using the
   * indexes as accounts grow. Runs after migrations and large imports; run it on a schedule too
   * (`analyzeStore`), as PGlite has no autovacuum.
   */
  analyze(): Promise<void>;
  /**
   * Runs `work` in one transaction. `work` may run again when the transaction loses a race
   * (serialisation failure, deadlock) or its connection before the commit: keep what it does
   * outside the database idempotent.
   */
  transaction<T>(work: (tx: SeatsTransaction) => Promise<T>): Promise<T>;
  /** Answers when the database answers; throws `DatabaseUnavailableError` when it cannot be reached. */
  ping(): Promise<void>;
  /** Accounts whose billing period ended at or before `now`, the longest ended first. */
  accountsDue(now: Instant, limit: number): Promise<string[]>;
  /**
   * Claims period charges to take: `due` ones, and `charging` ones started before `staleBefore`
   * (a crash interrupted them). Claimed rows become `charging` since `now`; rows another
   * transaction is claiming are skipped.
   */
  claimPeriodCharges(now: Instant, staleBefore: Instant, limit: number): Promise<StoredPeriodEnd[]>;
  /** An account's period ends, newest first. */
  listPeriodEnds(accountId: string, limit: number): Promise<StoredPeriodEnd[]>;
  /**
   * Purchases still waiting for a signature whose account's `signatureTtlSeconds` (or
   * `defaultTtlSeconds`) has passed at `now`, oldest first, with their account's policy.
   */
  expiredSignatures(
    now: Instant,
    defaultTtlSeconds: number,
    limit: number,
  ): Promise<{ change: StoredChange; policy: SeatPolicy }[]>;
  /** Deletes quotes that expired and idempotency records created before `before`. */
  prune(before: Instant): Promise<PruneCounts>;
  /** Deletes every account and what belongs to it; for tests and mocks. */
  clear(): Promise<void>;
  close(): Promise<void>;
}
