import {
  type Account,
  type AccountUsage,
  type AllowancePlan,
  checkAllowanceBounds,
  checkPolicy,
  consumedPoolIds,
  decideConsumption,
  decideMemberChange,
  defaultNewMember,
  describeUsage,
  explainMemberIssue,
  explainPlanIssue,
  type MemberAssignment,
  type MemberChangeDecision,
  type MemberFieldIssue,
  memberAssignmentIssues,
  type Pool,
  presets,
  type SeatPolicy,
  statusConsumesLicence,
} from '@seats/core';
import {
  type AdminAccount,
  type AdminMember,
  type Change,
  type CreateAccountRequest,
  CreateAccountRequestSchema,
  type FieldError,
  type MemberInput,
  MemberInputSchema,
  type NewPool,
  NewPoolSchema,
  type ReconcileEntry,
  type ReconcileRequest,
  ReconcileRequestSchema,
  type ReconcileResult,
  type SetPurchasedRequest,
  SetPurchasedRequestSchema,
  type SetPurchasedResult,
  type UpdateAccountRequest,
  UpdateAccountRequestSchema,
  type UpdatePoolRequest,
  UpdatePoolRequestSchema,
  type UpsertMemberResult,
} from '@seats/core/contract';
import { advanceStoredAccount } from './advance-stored-account';
import { DuplicateMemberError } from './duplicate-member-error';
import { memberFieldErrors, memberRetries } from './member-decision';
import { randomId } from './random-id';
import { type BodySchema, checkText, fieldErrors } from './read-json-body';
import { AdminInputError, SeatsAdminError } from './seats-admin-error';
import type { RecordedSeatsEvent, SeatsEvent } from './seats-event';
import type {
  AccountState,
  MemberFields,
  NewMember,
  SeatsStore,
  SeatsTransaction,
  StoredMember,
} from './seats-store';
import { retryPause } from './sql-executor';
import { changeToWire } from './wire';
import { notifyListener, writeWithEvents } from './write-with-events';

export interface SeatsAdminOptions {
  store: SeatsStore;
  /** @default () => new Date() */
  clock?: () => Date;
  /** Called after each committed write that claims or releases a licence or changes a pool. */
  onEvent?: (event: RecordedSeatsEvent) => void;
}

/** How the admin API finds a member: the host's own id used as the member id, or its `externalId`. */
export type MemberKey = { id: string } | { externalId: string };

export type ReconcileOptions = Omit<ReconcileRequest, 'users'>;

/**
 * The host's server side of the kit: accounts, their pools and policy, purchased quantities after
 * sales deals, and members under the host's own ids, one by one or reconciled in bulk with the
 * host's user table. In-process, with no identity to fake; `createSeatsAdminHandler` serves it over
 * HTTP. Every input is checked with the contract's schemas and core's rules; a bad one throws
 * `AdminInputError` naming the field, and changes nothing.
 */
export interface SeatsAdmin {
  createAccount(input: CreateAccountRequest): Promise<AdminAccount>;
  getAccount(accountId: string): Promise<AdminAccount | null>;
  updateAccount(accountId: string, patch: UpdateAccountRequest): Promise<AdminAccount>;
  /**
   * Erases the account and everything it holds: pools, members, quotes, changes (the audit
   * trail), idempotency records, password failures and signature tokens, e.g. for a data-deletion
   * request. Answers whether it existed.
   */
  deleteAccount(accountId: string): Promise<boolean>;
  addPool(accountId: string, pool: NewPool): Promise<AdminAccount>;
  /** Changes a pool's name, term, price, storage or bounds; its quantities change by `setPurchased`. */
  updatePool(accountId: string, poolId: string, patch: UpdatePoolRequest): Promise<AdminAccount>;
  /** Removes a pool no member holds and no open change refers to. */
  removePool(accountId: string, poolId: string): Promise<AdminAccount>;
  /**
   * Sets a pool's purchased quantity, e.g. after a sales deal, recorded in the change history
   * with who set it (`actor`) and why (`reason`); nothing is charged. Never below the licences in
   * use. `change` is `null` when the quantity was already that.
   */
  setPurchased(
    accountId: string,
    poolId: string,
    input: SetPurchasedRequest,
  ): Promise<SetPurchasedResult>;
  /**
   * Creates the member, or updates the one with the same key, claiming and releasing licences as
   * core decides; throws `SeatsAdminError` `no_licence_available` when it needs a licence and none
   * is free. An `externalId` is attached to a member that has none, found by its `id` or, when the
   * `externalId` is new, by its email; another member's is an `AdminInputError` on `externalId`.
   */
  upsertMember(accountId: string, input: MemberInput): Promise<UpsertMemberResult>;
  getMember(accountId: string, key: MemberKey): Promise<AdminMember | null>;
  /** Deletes the member and frees its licence; answers whether it existed. */
  removeMember(accountId: string, key: MemberKey): Promise<boolean>;
  /**
   * Brings the account's members in line with the host's users: creates, updates, and
   * deactivates (or deletes) the members missing from `users`, freeing licences before claiming
   * any. A user that needs a licence when none is free is refused with the reason, the others
   * still written. One transaction under the account's lock: it commits whole or not at all.
   * Repeating it answers an empty diff; `dryRun` answers the diff and writes nothing.
   */
  reconcile(
    accountId: string,
    users: readonly MemberInput[],
    options?: ReconcileOptions,
  ): Promise<ReconcileResult>;
}

/** The members a page of a reconcile reads at once. */
const memberPage = 1_000;

type MemberField = ReconcileEntry['fields'][number];
const memberFieldNames: readonly MemberField[] = [
  'name',
  'email',
  'status',
  'role',
  'poolId',
  'addOnIds',
];

function parse<T>(schema: BodySchema<T>, value: unknown, prefix = ''): T {
  const text = checkText(value);
  if (text === 'too-deep') {
    throw new AdminInputError([
      { field: prefix, code: 'too_deep', message: 'The input nests too deeply.' },
    ]);
  }
  if (text.length > 0) throw new AdminInputError(prefixed(text, prefix));
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AdminInputError(prefixed(fieldErrors(parsed.error.issues), prefix));
  return parsed.data;
}

function prefixed(errors: FieldError[], prefix: string): FieldError[] {
  if (prefix === '') return errors;
  return errors.map((error) => ({
    ...error,
    field: error.field === '' ? prefix : `${prefix}.${error.field}`,
  }));
}

function fail(field: string, code: string, message: string): never {
  throw new AdminInputError([{ field, code, message }]);
}

/** A preset's policy by name, or the policy given; either way checked by core's `checkPolicy`. */
function resolvePolicy(input: string | SeatPolicy): SeatPolicy {
  const policy = typeof input === 'string' ? presets[input as keyof typeof presets] : input;
  const problems = checkPolicy(policy);
  if (problems.length > 0) {
    throw new AdminInputError(
      problems.map((message) => ({ field: 'policy', code: 'inconsistent', message })),
    );
  }
  return policy;
}

function checkAccountFields(account: Account, now: Date, periodGiven = true): void {
  const errors: FieldError[] = [];
  if (Date.parse(account.billingPeriod.end) <= Date.parse(account.billingPeriod.start)) {
    errors.push({
      field: 'billingPeriod.end',
      code: 'before_start',
      message: 'The billing period must end after it starts.',
    });
  } else if (periodGiven && Date.parse(account.billingPeriod.end) <= now.getTime()) {
    // A period that has already ended would be billed again, period by period, at the next tick.
    errors.push({
      field: 'billingPeriod.end',
      code: 'ended',
      message: 'The billing period has ended: give the current one.',
    });
  }
  if (
    account.contract.kind === 'contracted' &&
    Date.parse(account.contract.end) <= Date.parse(account.contract.start)
  ) {
    errors.push({
      field: 'contract.end',
      code: 'before_start',
      message: 'The contract must end after it starts.',
    });
  }
  if (errors.length > 0) throw new AdminInputError(errors);
}

function checkPoolBounds(pool: Pool, field: string): void {
  const errors: FieldError[] = [];
  const bound = (name: string, code: string, message: string) =>
    errors.push({ field: field === '' ? name : `${field}.${name}`, code, message });
  if (pool.min !== undefined && pool.max !== undefined && pool.min > pool.max)
    bound('min', 'above_max', 'min must not be above max.');
  if (pool.max !== undefined && pool.purchased + pool.pendingSignature > pool.max)
    bound('max', 'below_purchased', 'max must not be below the purchased licences.');
  if (errors.length > 0) throw new AdminInputError(errors);
}

function poolOf(input: NewPool): Pool {
  return {
    id: input.id,
    name: input.name,
    term: input.term,
    purchased: input.purchased,
    scheduledRemoval: 0,
    pendingSignature: 0,
    unitPrice: input.unitPrice,
    ...(input.storagePerLicenceBytes === undefined
      ? {}
      : { storagePerLicenceBytes: input.storagePerLicenceBytes }),
    ...(input.min === undefined ? {} : { min: input.min }),
    ...(input.max === undefined ? {} : { max: input.max }),
  };
}

function toAdminAccount(state: AccountState): AdminAccount {
  const usedByPool: Record<string, number> = {};
  for (const pool of state.pools) usedByPool[pool.id] = state.usedByPool[pool.id] ?? 0;
  return {
    account: state.account,
    policy: state.policy,
    pools: state.pools,
    usedByPool,
    version: state.version,
  };
}

/** The licences a stored member gives back when it is deleted: those it consumes, as stored. */
function releasedOnDelete(member: StoredMember): string[] {
  if (!member.consumes || member.poolId === null) return [];
  return [member.poolId, ...member.addOnIds].sort();
}

function toAdminMember(member: StoredMember): AdminMember {
  return {
    id: member.id,
    externalId: member.externalId,
    name: member.name,
    email: member.email,
    status: member.status,
    role: member.role,
    poolId: member.poolId,
    addOnIds: member.addOnIds,
    consumes: member.consumes,
    createdAt: member.createdAt,
    updatedAt: member.updatedAt,
  };
}

/** The account's usage as the host's server sees it: every permission, as it acts for the account. */
function adminUsage(state: AccountState, usedByPool = state.usedByPool): AccountUsage {
  const usage = describeUsage({
    account: state.account,
    pools: state.pools,
    usedByPool,
    heldByPool: state.heldByPool,
    policy: state.policy,
    viewerRole: '',
  });
  return {
    ...usage,
    viewer: { role: '', viewLicences: true, changeAllowance: true, manageMembers: true },
  };
}

/** Core's issues with a member's status, role, licence type and add-ons, as field errors. */
function assignmentErrors(
  state: Pick<AccountState, 'policy' | 'pools'>,
  after: MemberAssignment,
  prefix: string,
): FieldError[] {
  return memberFieldErrors(
    memberAssignmentIssues({ policy: state.policy, pools: state.pools, member: after }),
    prefix,
  );
}

/**
 * The account's members checked as core checks a member, against the policy and pools a change
 * would leave them with: what the change breaks is refused with core's code, on the change's
 * `field` for that issue (a policy that drops a role members have, a base licence type turned
 * into an add-on).
 */
async function checkMembersAfter(
  tx: Pick<SeatsTransaction, 'memberGroups'>,
  state: AccountState,
  after: Pick<AccountState, 'policy' | 'pools'>,
  fieldOf: (issue: MemberFieldIssue) => string,
): Promise<void> {
  const errors: FieldError[] = [];
  for (const group of await tx.memberGroups(state.account.id)) {
    const was = new Set(
      memberAssignmentIssues({ policy: state.policy, pools: state.pools, member: group }).map(
        (issue) => JSON.stringify(issue),
      ),
    );
    for (const issue of memberAssignmentIssues({ ...after, member: group })) {
      if (was.has(JSON.stringify(issue))) continue;
      const what = {
        status: `have the status "${group.status}"`,
        role: `have the role "${group.role}"`,
        poolId: `hold "${group.poolId}" as their licence`,
        addOnIds: `hold "${'poolId' in issue ? issue.poolId : ''}" as an add-on`,
      }[issue.field];
      errors.push({
        field: fieldOf(issue),
        code: issue.code,
        message: `${group.count} members ${what}: ${explainMemberIssue(issue)}`,
      });
    }
  }
  if (errors.length > 0) throw new AdminInputError(errors);
}

function keyOf(input: MemberInput, field: string): MemberKey {
  if (input.id !== undefined) return { id: input.id };
  if (input.externalId !== undefined) return { externalId: input.externalId };
  return fail(
    field === '' ? 'id' : `${field}.id`,
    'required',
    "Give the member's id (the host's own) or its externalId.",
  );
}

function needsLicenceMessage(
  decision: Extract<MemberChangeDecision, { outcome: 'needs-licence' }>,
) {
  return `No licence of "${decision.poolId}" is free: ${decision.used} of ${decision.purchased} are in use.`;
}

function changedFields(before: MemberFields, after: MemberFields): MemberField[] {
  return memberFieldNames.filter((field) =>
    field === 'addOnIds'
      ? [...before.addOnIds].sort().join() !== [...after.addOnIds].sort().join()
      : before[field] !== after[field],
  );
}

/** Whether writing `input` sets an externalId on a member that has none. */
function attaches(existing: StoredMember, input: MemberInput): boolean {
  return existing.externalId === null && input.externalId !== undefined;
}

function duplicateError(error: DuplicateMemberError, prefix: string): AdminInputError {
  return new AdminInputError([
    {
      field: prefix === '' ? error.field : `${prefix}.${error.field}`,
      code: 'duplicate',
      message: error.message,
    },
  ]);
}

/** An admin write's event, before the outbox stamps it. */
type AdminEvent = DistributiveOmit<
  Extract<SeatsEvent, { type: 'account.updated' | 'pool.added' | 'pool.updated' | 'pool.removed' }>,
  'accountId' | 'at' | 'requestId'
>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function createSeatsAdmin(options: SeatsAdminOptions): SeatsAdmin {
  const { store } = options;
  const clock = options.clock ?? (() => new Date());
  const emit = (events: RecordedSeatsEvent[]) => notifyListener(options.onEvent, events);

  const write = writeWithEvents(store, emit);

  /**
   * The account, first rolled past any period end the clock has passed, as the widgets' reads and
   * the period-end job roll it, so that what the admin API reads and decides on is current.
   */
  async function loadCurrent(accountId: string): Promise<AccountState | null> {
    const state = await store.loadAccount(accountId);
    const now = clock().toISOString();
    if (state === null || Date.parse(now) < Date.parse(state.account.billingPeriod.end))
      return state;
    await advanceStoredAccount(write, { accountId, now, requestId: randomId('adm') });
    return store.loadAccount(accountId);
  }

  async function requireAccount(accountId: string): Promise<AccountState> {
    const state = await loadCurrent(accountId);
    if (state === null) throw accountNotFound(accountId);
    return state;
  }

  function accountNotFound(accountId: string): SeatsAdminError {
    return new SeatsAdminError('account_not_found', `No account "${accountId}".`);
  }

  function poolNotFound(poolId: string): SeatsAdminError {
    return new SeatsAdminError('pool_not_found', `No pool "${poolId}" in this account.`);
  }

  /** Runs `work` on the account under its lock, then answers the account as it is after. */
  /** Runs `work` on the locked account; `event`, when given, is written with it to the outbox. */
  async function withAccount(
    accountId: string,
    work: (
      state: AccountState,
      tx: Parameters<Parameters<SeatsStore['transaction']>[0]>[0],
    ) => Promise<void>,
    event?: AdminEvent,
  ): Promise<AdminAccount> {
    const recorded = await store.transaction(async (tx) => {
      const state = await tx.lockAccount(accountId);
      if (state === null) throw accountNotFound(accountId);
      await work(state, tx);
      if (event === undefined) return [];
      return tx.appendEvents([
        {
          ...event,
          accountId,
          at: clock().toISOString(),
          requestId: randomId('adm'),
        } as SeatsEvent,
      ]);
    });
    emit(recorded);
    return toAdminAccount(await requireAccount(accountId));
  }

  function findMember(accountId: string, key: MemberKey): Promise<StoredMember | null> {
    return 'id' in key
      ? store.getMember(accountId, key.id)
      : store.getMemberByExternalId(accountId, key.externalId);
  }

  function seatEvents(
    accountId: string,
    memberId: string,
    move: { claims: readonly string[]; releases: readonly string[] },
  ): SeatsEvent[] {
    const base = { accountId, at: clock().toISOString(), requestId: randomId('adm'), memberId };
    return [
      ...move.releases.map((poolId) => ({ ...base, type: 'seat.released' as const, poolId })),
      ...move.claims.map((poolId) => ({ ...base, type: 'seat.claimed' as const, poolId })),
    ];
  }

  /**
   * What a member becomes: its fields, its pool defaulting to the one it has or the first, its
   * add-ons to the ones it holds.
   */
  function fieldsOf(
    state: Pick<AccountState, 'policy' | 'pools'>,
    input: MemberInput,
    existing: StoredMember | null,
  ): MemberFields {
    const poolId =
      input.poolId === undefined
        ? existing === null
          ? defaultNewMember(state.policy, state.pools).poolId
          : existing.poolId
        : input.poolId;
    const assignment = {
      status: input.status,
      role: input.role,
      poolId,
      addOnIds: input.addOnIds ?? existing?.addOnIds ?? [],
    };
    return {
      name: input.name,
      email: input.email,
      ...assignment,
      consumes: decideConsumption(assignment, state.policy).consumes,
    };
  }

  function checkExternalId(input: MemberInput, existing: StoredMember | null, field: string) {
    if (
      existing !== null &&
      input.externalId !== undefined &&
      existing.externalId !== null &&
      existing.externalId !== input.externalId
    ) {
      fail(
        field === '' ? 'externalId' : `${field}.externalId`,
        'immutable',
        `The member "${existing.id}" has the externalId "${existing.externalId}"; an externalId is set once.`,
      );
    }
  }

  type WriteOutcome =
    | { status: 'written'; member: StoredMember; events: RecordedSeatsEvent[] }
    | { status: 'no-licence' }
    | { status: 'conflict' };

  /**
   * One member write as core decided it, through the store or a transaction's writes; the database
   * re-checks the claim. An `externalId` is attached to an existing member that has none.
   */
  async function writeMember(
    writer: Pick<SeatsStore, 'createMember' | 'updateMember'>,
    accountId: string,
    existing: StoredMember | null,
    key: MemberKey,
    externalId: string | null,
    fields: MemberFields,
    move: { claims: readonly string[]; releases: readonly string[] },
    prefix: string,
  ): Promise<WriteOutcome> {
    const now = clock().toISOString();
    const memberId = existing?.id ?? ('id' in key ? key.id : randomId('mem'));
    try {
      const written =
        existing === null
          ? await writer.createMember(
              accountId,
              { id: memberId, externalId, ...fields } satisfies NewMember,
              move.claims,
              now,
              seatEvents(accountId, memberId, move),
            )
          : await writer.updateMember(
              accountId,
              existing.id,
              existing.revision,
              { ...fields, externalId: existing.externalId === null ? externalId : null },
              move,
              now,
              seatEvents(accountId, memberId, move),
            );
      if (written.status === 'written')
        return { status: 'written', member: written.member, events: written.events };
      return written;
    } catch (error) {
      if (error instanceof DuplicateMemberError) throw duplicateError(error, prefix);
      throw error;
    }
  }

  /** The members an account is created with, each checked, never more consuming than purchased. */
  function importedMembers(
    state: Pick<AccountState, 'policy' | 'pools'>,
    inputs: readonly MemberInput[],
  ): NewMember[] {
    const errors: FieldError[] = [];
    const keys = new Set<string>();
    const emails = new Set<string>();
    const consuming: Record<string, number> = {};
    const members = inputs.map((input, index): NewMember => {
      const prefix = `members.${index}`;
      if (input.id === undefined && input.externalId === undefined) {
        errors.push({
          field: `${prefix}.id`,
          code: 'required',
          message: "Give the member's id (the host's own) or its externalId.",
        });
      }
      for (const key of [`id:${input.id ?? ''}`, `externalId:${input.externalId ?? ''}`]) {
        if (key.endsWith(':')) continue;
        if (keys.has(key)) {
          errors.push({
            field: `${prefix}.${key.split(':')[0]}`,
            code: 'duplicate',
            message: 'Another member of the list has this key.',
          });
        }
        keys.add(key);
      }
      const email = input.email.toLowerCase();
      if (emails.has(email)) {
        errors.push({
          field: `${prefix}.email`,
          code: 'duplicate',
          message: 'Another member of the list has this email.',
        });
      }
      emails.add(email);
      const fields = fieldsOf(state, input, null);
      errors.push(...assignmentErrors(state, fields, prefix));
      for (const poolId of consumedPoolIds(fields, state.policy))
        consuming[poolId] = (consuming[poolId] ?? 0) + 1;
      return { id: input.id ?? randomId('mem'), externalId: input.externalId ?? null, ...fields };
    });
    for (const pool of state.pools) {
      const count = consuming[pool.id] ?? 0;
      if (count > pool.purchased) {
        errors.push({
          field: 'members',
          code: 'no_licence_available',
          message: `${count} members consume a licence of "${pool.id}", which has ${pool.purchased}.`,
        });
      }
    }
    if (errors.length > 0) throw new AdminInputError(errors);
    return members;
  }

  async function upsertMember(accountId: string, raw: MemberInput): Promise<UpsertMemberResult> {
    const input = parse(MemberInputSchema, raw);
    const key = keyOf(input, '');
    for (let attempt = 0; attempt < memberRetries; attempt++) {
      const state = await requireAccount(accountId);
      const existing = (await findMember(accountId, key)) ?? (await adoptable(accountId, input));
      checkExternalId(input, existing, '');
      const fields = fieldsOf(state, input, existing);
      const errors = assignmentErrors(state, fields, '');
      if (errors.length > 0) throw new AdminInputError(errors);
      if (
        existing !== null &&
        changedFields(existing, fields).length === 0 &&
        !attaches(existing, input)
      )
        return { outcome: 'unchanged', member: toAdminMember(existing) };
      const decision = decideMemberChange({
        policy: state.policy,
        usage: adminUsage(state),
        before: existing,
        after: fields,
      });
      if (decision.outcome === 'needs-licence')
        throw new SeatsAdminError('no_licence_available', needsLicenceMessage(decision), decision);
      if (decision.outcome !== 'allowed') throw new Error(`unexpected ${decision.outcome}`);
      const written = await writeMember(
        store,
        accountId,
        existing,
        key,
        input.externalId ?? null,
        fields,
        decision,
        '',
      );
      if (written.status === 'written') {
        emit(written.events);
        return {
          outcome: existing === null ? 'created' : 'updated',
          member: toAdminMember(written.member),
        };
      }
      await retryPause(attempt);
    }
    throw new SeatsAdminError(
      'conflict',
      'Other changes to this member or its licences kept winning the race; nothing was changed.',
    );
  }

  /**
   * A member the host names by a new `externalId` that exists already without one, found by its
   * email (e.g. one added in the widgets): the upsert attaches the externalId to it.
   */
  async function adoptable(accountId: string, input: MemberInput): Promise<StoredMember | null> {
    if (input.id !== undefined || input.externalId === undefined) return null;
    const found = (await store.listMembers(accountId, { search: input.email, limit: 50 })).find(
      (candidate) => candidate.email.toLowerCase() === input.email.toLowerCase(),
    );
    if (found === undefined || found.externalId !== null) return null;
    const { seq: _seq, ...stored } = found;
    return stored;
  }

  async function allMembers(
    reader: Pick<SeatsStore, 'listMembers'>,
    accountId: string,
  ): Promise<StoredMember[]> {
    const members: StoredMember[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await reader.listMembers(accountId, { after, limit: memberPage });
      for (const { seq: _seq, ...member } of page) members.push(member);
      if (page.length < memberPage) return members;
      after = page[page.length - 1]?.seq;
    }
  }

  async function reconcile(
    accountId: string,
    rawUsers: readonly MemberInput[],
    rawOptions: ReconcileOptions = {},
  ): Promise<ReconcileResult> {
    const request = parse(ReconcileRequestSchema, { ...rawOptions, users: rawUsers });
    const dryRun = request.dryRun ?? false;
    const missing = request.missing ?? 'deactivate';
    // An empty list from a failed query of the host's would delete the whole account's members.
    if (missing === 'delete' && request.users.length === 0)
      fail('users', 'empty', 'An empty list with missing: "delete" would delete every member.');
    // Rolled past any period end first; then read, decided and written under the account's lock,
    // in one transaction: a run commits whole or not at all.
    await requireAccount(accountId);
    const recorded: RecordedSeatsEvent[] = [];
    const result = await store.transaction(async (tx) => {
      recorded.length = 0;
      const state = await tx.lockAccount(accountId);
      if (state === null) throw accountNotFound(accountId);
      return reconcileLocked(tx, state, request, (events) => recorded.push(...events));
    });
    if (!dryRun) emit(recorded);
    return result;
  }

  async function reconcileLocked(
    tx: Parameters<Parameters<SeatsStore['transaction']>[0]>[0],
    state: AccountState,
    request: ReconcileRequest,
    record: (events: RecordedSeatsEvent[]) => void,
  ): Promise<ReconcileResult> {
    const accountId = state.account.id;
    const dryRun = request.dryRun ?? false;
    const missing = request.missing ?? 'deactivate';
    const { policy } = state;
    const members = await allMembers(tx, accountId);
    const byId = new Map(members.map((member) => [member.id, member]));
    const byExternalId = new Map(
      members.flatMap((member) =>
        member.externalId === null ? [] : [[member.externalId, member] as const],
      ),
    );
    const byEmail = new Map(members.map((member) => [member.email.toLowerCase(), member]));

    const errors: FieldError[] = [];
    let inactiveStatus: string | null = null;
    if (missing === 'deactivate') {
      inactiveStatus =
        request.inactiveStatus ??
        policy.statuses.find((status) => !statusConsumesLicence(status, policy)) ??
        null;
      if (inactiveStatus === null) {
        errors.push({
          field: 'inactiveStatus',
          code: 'required',
          message:
            'Every status of the policy consumes a licence: say missing: "keep" or "delete".',
        });
      } else if (
        !policy.statuses.includes(inactiveStatus) ||
        statusConsumesLicence(inactiveStatus, policy)
      ) {
        errors.push({
          field: 'inactiveStatus',
          code: 'consuming_status',
          message: `"${inactiveStatus}" is not a status of the policy that consumes no licence.`,
        });
      }
    }

    interface Planned {
      index: number;
      input: MemberInput;
      key: MemberKey;
      existing: StoredMember | null;
      fields: MemberFields;
    }
    const planned: Planned[] = [];
    const seenKeys = new Set<string>();
    const seenEmails = new Set<string>();
    const listed = new Set<string>();
    request.users.forEach((input, index) => {
      const prefix = `users.${index}`;
      if (input.id === undefined && input.externalId === undefined) {
        errors.push({
          field: `${prefix}.id`,
          code: 'required',
          message: "Give the member's id (the host's own) or its externalId.",
        });
        return;
      }
      const key: MemberKey =
        input.id !== undefined ? { id: input.id } : { externalId: input.externalId as string };
      const keyText = 'id' in key ? `id:${key.id}` : `externalId:${key.externalId}`;
      if (seenKeys.has(keyText)) {
        errors.push({
          field: `${prefix}.${'id' in key ? 'id' : 'externalId'}`,
          code: 'duplicate',
          message: 'Another user of the list has this key.',
        });
        return;
      }
      seenKeys.add(keyText);
      const email = input.email.toLowerCase();
      const owner = byEmail.get(email);
      // A member without an externalId that has the user's email (one added in the widgets) is
      // that user: the externalId is attached to it.
      const adopted =
        'externalId' in key && owner !== undefined && owner.externalId === null ? owner : null;
      const existing =
        ('id' in key ? byId.get(key.id) : byExternalId.get(key.externalId)) ?? adopted;
      if (existing !== null && listed.has(existing.id)) {
        errors.push({
          field: `${prefix}.${'id' in key ? 'id' : 'externalId'}`,
          code: 'duplicate',
          message: `Another user of the list is the member "${existing.id}".`,
        });
        return;
      }
      if (
        existing !== null &&
        input.externalId !== undefined &&
        existing.externalId !== null &&
        existing.externalId !== input.externalId
      ) {
        errors.push({
          field: `${prefix}.externalId`,
          code: 'immutable',
          message: `The member "${existing.id}" has another externalId; an externalId is set once.`,
        });
      }
      const holder =
        input.externalId === undefined ? undefined : byExternalId.get(input.externalId);
      if (holder !== undefined && holder.id !== existing?.id) {
        errors.push({
          field: `${prefix}.externalId`,
          code: 'duplicate',
          message: `The member "${holder.id}" has this externalId.`,
        });
      }
      if (seenEmails.has(email) || (owner !== undefined && owner.id !== existing?.id)) {
        errors.push({
          field: `${prefix}.email`,
          code: 'duplicate',
          message: 'Another member of this account or user of the list has this email.',
        });
      }
      seenEmails.add(email);
      const fields = fieldsOf(state, input, existing);
      errors.push(...assignmentErrors(state, fields, prefix));
      if (existing !== null) listed.add(existing.id);
      planned.push({ index, input, key, existing, fields });
    });
    if (errors.length > 0) throw new AdminInputError(errors);

    const result: ReconcileResult = {
      dryRun,
      created: [],
      updated: [],
      deactivated: [],
      deleted: [],
      refused: [],
      unchanged: 0,
    };
    const entry = (
      member: Pick<StoredMember, 'email'> & { id: string | null; externalId: string | null },
      fields: MemberField[],
    ): ReconcileEntry => ({
      memberId: member.id,
      externalId: member.externalId,
      email: member.email,
      fields,
    });

    type Operation =
      | { kind: 'write'; plan: Planned }
      | { kind: 'deactivate'; member: StoredMember }
      | { kind: 'delete'; member: StoredMember };
    const operations: Operation[] = [];
    for (const plan of planned) {
      if (
        plan.existing !== null &&
        changedFields(plan.existing, plan.fields).length === 0 &&
        !attaches(plan.existing, plan.input)
      )
        result.unchanged++;
      else operations.push({ kind: 'write', plan });
    }
    for (const member of members) {
      if (listed.has(member.id) || missing === 'keep') continue;
      if (missing === 'delete') operations.push({ kind: 'delete', member });
      else if (member.status !== inactiveStatus && statusConsumesLicence(member.status, policy))
        operations.push({ kind: 'deactivate', member });
    }
    // Licences are freed before any is claimed, so a reconcile that moves them never runs short.
    const claims = (operation: Operation) => {
      if (operation.kind !== 'write') return false;
      const was = operation.plan.existing ? consumedPoolIds(operation.plan.existing, policy) : [];
      return consumedPoolIds(operation.plan.fields, policy).some((id) => !was.includes(id));
    };
    operations.sort((a, b) => Number(claims(a)) - Number(claims(b)));

    const used = { ...state.usedByPool };
    const move = (decision: { claims: readonly string[]; releases: readonly string[] }) => {
      for (const poolId of decision.releases) used[poolId] = (used[poolId] ?? 1) - 1;
      for (const poolId of decision.claims) used[poolId] = (used[poolId] ?? 0) + 1;
    };
    // Under the account's lock no other write moves a licence, so the database agrees with every
    // decision; a write it still refuses rolls the whole run back.
    const changedMeanwhile = (memberId: string | null) =>
      new SeatsAdminError(
        'conflict',
        `The member "${memberId}" changed while it was reconciled; nothing was changed: run the reconcile again.`,
      );

    for (const operation of operations) {
      if (operation.kind === 'delete') {
        const { member } = operation;
        const decision = { claims: [], releases: releasedOnDelete(member) };
        if (!dryRun) {
          const gone = await tx.deleteMember(
            accountId,
            member.id,
            member.revision,
            seatEvents(accountId, member.id, decision),
          );
          if (gone.status !== 'written') throw changedMeanwhile(member.id);
          record(gone.events);
        }
        move(decision);
        result.deleted.push(entry(member, []));
        continue;
      }
      const existing = operation.kind === 'deactivate' ? operation.member : operation.plan.existing;
      const fields: MemberFields =
        operation.kind === 'deactivate'
          ? {
              ...operation.member,
              status: inactiveStatus as string,
              consumes: decideConsumption(
                { ...operation.member, status: inactiveStatus as string },
                policy,
              ).consumes,
            }
          : operation.plan.fields;
      const key: MemberKey =
        operation.kind === 'deactivate' ? { id: operation.member.id } : operation.plan.key;
      const externalId =
        operation.kind === 'deactivate'
          ? operation.member.externalId
          : (operation.plan.input.externalId ?? existing?.externalId ?? null);
      const prefix = operation.kind === 'deactivate' ? '' : `users.${operation.plan.index}`;
      const target = {
        id: existing?.id ?? ('id' in key ? key.id : null),
        externalId,
        email: fields.email,
      };
      const decision = decideMemberChange({
        policy,
        usage: adminUsage(state, used),
        before: existing,
        after: fields,
      });
      if (decision.outcome === 'needs-licence') {
        result.refused.push({
          memberId: target.id,
          externalId,
          email: fields.email,
          code: 'no_licence_available',
          poolId: decision.poolId,
          purchased: decision.purchased,
          used: decision.used,
          message: needsLicenceMessage(decision),
        });
        continue;
      }
      if (decision.outcome !== 'allowed') throw new Error(`unexpected ${decision.outcome}`);
      let memberId = target.id;
      if (!dryRun) {
        const written = await writeMember(
          tx,
          accountId,
          existing,
          key,
          externalId,
          fields,
          decision,
          prefix,
        );
        if (written.status !== 'written') throw changedMeanwhile(target.id);
        record(written.events);
        memberId = written.member.id;
      }
      move(decision);
      const done = entry(
        { id: memberId, externalId, email: fields.email },
        existing === null ? [] : changedFields(existing, fields),
      );
      if (operation.kind === 'deactivate') result.deactivated.push(done);
      else if (existing === null) result.created.push(done);
      else result.updated.push(done);
    }
    return result;
  }

  return {
    async createAccount(raw) {
      const input = parse(CreateAccountRequestSchema, raw);
      const policy = resolvePolicy(input.policy);
      const account: Account = {
        id: input.id,
        name: input.name,
        plan: input.plan,
        currency: input.currency,
        billingPeriod: input.billingPeriod,
        contract: input.contract,
        ...(input.storageUsedBytes === undefined
          ? {}
          : { storageUsedBytes: input.storageUsedBytes }),
      };
      checkAccountFields(account, clock());
      const pools = input.pools.map(poolOf);
      const seen = new Set<string>();
      pools.forEach((pool, index) => {
        if (seen.has(pool.id))
          fail(`pools.${index}.id`, 'duplicate', `Another pool has the id "${pool.id}".`);
        seen.add(pool.id);
        checkPoolBounds(pool, `pools.${index}`);
      });
      const members = importedMembers({ policy, pools }, input.members ?? []);
      let created: boolean;
      try {
        created = await store.createAccount({
          account,
          policy,
          pools,
          members,
          now: clock().toISOString(),
        });
      } catch (error) {
        if (error instanceof DuplicateMemberError) throw duplicateError(error, 'members');
        throw error;
      }
      if (!created)
        throw new SeatsAdminError('account_exists', `An account "${account.id}" exists already.`);
      return toAdminAccount(await requireAccount(account.id));
    },

    async getAccount(accountId) {
      const state = await loadCurrent(accountId);
      return state === null ? null : toAdminAccount(state);
    },

    async updateAccount(accountId, raw) {
      const patch = parse(UpdateAccountRequestSchema, raw);
      const policy = patch.policy === undefined ? null : resolvePolicy(patch.policy);
      return withAccount(
        accountId,
        async (state, tx) => {
          const { storageUsedBytes, ...rest } = state.account;
          const storage =
            patch.storageUsedBytes === undefined ? storageUsedBytes : patch.storageUsedBytes;
          const account: Account = {
            ...rest,
            ...(patch.name === undefined ? {} : { name: patch.name }),
            ...(patch.plan === undefined ? {} : { plan: patch.plan }),
            ...(patch.currency === undefined ? {} : { currency: patch.currency }),
            ...(patch.billingPeriod === undefined ? {} : { billingPeriod: patch.billingPeriod }),
            ...(patch.contract === undefined ? {} : { contract: patch.contract }),
            ...(storage === undefined || storage === null ? {} : { storageUsedBytes: storage }),
          };
          checkAccountFields(account, clock(), patch.billingPeriod !== undefined);
          const next = policy ?? state.policy;
          if (policy !== null) {
            await checkMembersAfter(tx, state, { policy, pools: state.pools }, (issue) =>
              issue.field === 'role' ? 'policy.roles' : 'policy.statuses',
            );
          }
          await tx.saveAccount(account, next);
          await tx.bumpVersion(accountId);
        },
        { type: 'account.updated', fields: Object.keys(patch).sort() },
      );
    },

    async deleteAccount(accountId) {
      return store.deleteAccount(accountId);
    },

    async addPool(accountId, raw) {
      const pool = poolOf(parse(NewPoolSchema, raw));
      checkPoolBounds(pool, '');
      return withAccount(
        accountId,
        async (state, tx) => {
          if (state.pools.some((existing) => existing.id === pool.id))
            fail('id', 'duplicate', `The account has a pool "${pool.id}" already.`);
          await tx.insertPool(accountId, pool);
          await tx.bumpVersion(accountId);
        },
        { type: 'pool.added', poolId: pool.id, fields: [] },
      );
    },

    async updatePool(accountId, poolId, raw) {
      const patch = parse(UpdatePoolRequestSchema, raw);
      return withAccount(
        accountId,
        async (state, tx) => {
          const pool = state.pools.find((candidate) => candidate.id === poolId);
          if (pool === undefined) throw poolNotFound(poolId);
          const next: Pool = { ...pool };
          if (patch.name !== undefined) next.name = patch.name;
          if (patch.term !== undefined) next.term = patch.term;
          if (patch.unitPrice !== undefined) next.unitPrice = patch.unitPrice;
          for (const field of ['storagePerLicenceBytes', 'min', 'max'] as const) {
            const value = patch[field];
            if (value === null) delete next[field];
            else if (value !== undefined) next[field] = value;
          }
          checkPoolBounds(next, '');
          if (next.term !== pool.term) {
            const pools = state.pools.map((candidate) =>
              candidate.id === poolId ? next : candidate,
            );
            await checkMembersAfter(tx, state, { policy: state.policy, pools }, () => 'term');
          }
          await tx.savePoolSettings(accountId, next);
          await tx.bumpVersion(accountId);
        },
        { type: 'pool.updated', poolId, fields: Object.keys(patch).sort() },
      );
    },

    async removePool(accountId, poolId) {
      return withAccount(
        accountId,
        async (state, tx) => {
          if (!state.pools.some((pool) => pool.id === poolId)) throw poolNotFound(poolId);
          const holders = (await tx.memberGroups(accountId))
            .filter((group) => group.poolId === poolId || group.addOnIds?.includes(poolId))
            .reduce((total, group) => total + group.count, 0);
          if (holders > 0) {
            throw new SeatsAdminError(
              'pool_in_use',
              `${holders} members hold a licence of "${poolId}": move or delete them first.`,
            );
          }
          if ((await tx.openChanges(accountId)).some((change) => change.poolId === poolId)) {
            throw new SeatsAdminError(
              'pool_in_use',
              `"${poolId}" has a scheduled removal or a purchase waiting for its signature.`,
            );
          }
          await tx.deletePool(accountId, poolId);
          await tx.bumpVersion(accountId);
        },
        { type: 'pool.removed', poolId, fields: [] },
      );
    },

    async setPurchased(accountId, poolId, raw) {
      const input = parse(SetPurchasedRequestSchema, raw);
      let events: RecordedSeatsEvent[] = [];
      let change: Change | null = null;
      const account = await withAccount(accountId, async (state, tx) => {
        events = [];
        change = null;
        const pool = state.pools.find((candidate) => candidate.id === poolId);
        if (pool === undefined) throw poolNotFound(poolId);
        if (pool.purchased === input.purchased) return;
        const next: Pool = { ...pool, purchased: input.purchased };
        const delta = input.purchased - pool.purchased;
        const bound = checkAllowanceBounds({
          pool,
          used: state.usedByPool[poolId] ?? 0,
          held: state.heldByPool?.[poolId],
          policy: state.policy,
          delta,
        });
        if (bound !== null) {
          throw new SeatsAdminError('plan_invalid', explainPlanIssue(bound), undefined, [
            { ...bound, field: 'purchased' },
          ]);
        }
        const now = clock().toISOString();
        const from = pool.purchased - pool.scheduledRemoval;
        const zero = { amount: 0, currency: state.account.currency };
        const plan: AllowancePlan = {
          poolId,
          kind: delta > 0 ? 'increase' : 'decrease',
          from,
          to: from + delta,
          delta,
          added: Math.max(delta, 0),
          restored: 0,
          removed: Math.max(-delta, 0),
          effectiveAt: now,
          lines: [],
          dueNow: zero,
          nextInvoiceChange: zero,
          confirmations: [],
          result: 'applied',
        };
        const stored = await tx.insertChange({
          id: randomId('chg'),
          accountId,
          quoteId: null,
          poolId,
          status: 'applied',
          plan,
          actor: { memberId: null, role: input.actor },
          createdAt: now,
          effectiveAt: now,
          signedAt: null,
          cancelledAt: null,
          charged: null,
          chargeId: null,
          chargeStartedAt: null,
          idempotencyKey: null,
          reason: input.reason,
        });
        await tx.savePool(accountId, next);
        await tx.bumpVersion(accountId);
        change = changeToWire(stored);
        events = await tx.appendEvents([
          {
            type: delta > 0 ? 'allowance.increased' : 'allowance.decreased',
            accountId,
            at: now,
            requestId: randomId('adm'),
            changeId: stored.id,
            poolId,
            plan,
          },
        ]);
      });
      emit(events);
      return { change, account };
    },

    upsertMember,

    async getMember(accountId, key) {
      const member = await findMember(accountId, key);
      return member === null ? null : toAdminMember(member);
    },

    async removeMember(accountId, key) {
      for (let attempt = 0; attempt < memberRetries; attempt++) {
        const member = await findMember(accountId, key);
        if (member === null) return false;
        const gone = await store.deleteMember(
          accountId,
          member.id,
          member.revision,
          seatEvents(accountId, member.id, { claims: [], releases: releasedOnDelete(member) }),
        );
        if (gone.status === 'written') {
          emit(gone.events);
          return true;
        }
        await retryPause(attempt);
      }
      throw new SeatsAdminError(
        'conflict',
        'Other changes to this member kept winning the race; nothing was changed.',
      );
    },

    reconcile,
  };
}
