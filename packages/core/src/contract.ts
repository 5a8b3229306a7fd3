/**
 * The HTTP contract as zod schemas: every wire type of `/v1`, shared by the server, the client, the
 * mocks and the OpenAPI document. A subpath of its own, so the pure policy never pulls zod in.
 */
import * as z from 'zod/mini';
import type { ConsumptionReason } from './consumes-licence';
import type { MemberChangeDecision, Remedy } from './decide-member-change';
import type { AddUserAvailability } from './describe-add-user';
import type { AccountUsage, ChangeAvailability, PoolUsage } from './describe-usage';
import type {
  Account,
  ContractRenewal,
  ContractTerm,
  Instant,
  MemberAssignment,
  Pool,
} from './domain';
import type { Money } from './money';
import type { ViewerPermissions } from './permissions';
import type { AllowancePlan, PlanIssue, PriceLine } from './plan-allowance-change';
import type { SeatPolicy } from './policy';
import { type PresetName, presets } from './presets';
import { type Vocabulary, vocabularyKeys } from './vocabulary';

export const contractVersion = 'v1';

const id = z.string().check(z.minLength(1), z.maxLength(128));
const text = z.string().check(z.maxLength(200));
const count = z.int().check(z.minimum(0));

export const InstantSchema: z.ZodMiniType<Instant> = z.iso.datetime();

export const MoneySchema: z.ZodMiniType<Money> = z.object({
  amount: z.int(),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
});

const months = z.int().check(z.minimum(1), z.maximum(120));

export const ContractRenewalSchema: z.ZodMiniType<ContractRenewal> = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('renew'),
    months,
    afterwards: z.optional(
      z.discriminatedUnion('mode', [
        z.object({ mode: z.literal('renew'), months }),
        z.object({ mode: z.literal('monthly') }),
      ]),
    ),
  }),
  z.object({ mode: z.literal('monthly') }),
]);

const contractTerm = z.object({
  kind: z.literal('contracted'),
  start: InstantSchema,
  end: InstantSchema,
  payment: z.optional(z.enum(['per-period', 'upfront'])),
  renewal: z.optional(ContractRenewalSchema),
  noticeDays: z.optional(z.int().check(z.minimum(0), z.maximum(3660))),
});

export const ContractTermSchema: z.ZodMiniType<ContractTerm> = contractTerm;

export const AccountSchema: z.ZodMiniType<Account> = z.object({
  id,
  name: text,
  plan: text,
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  billingPeriod: z.object({ start: InstantSchema, end: InstantSchema }),
  contract: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('self-serve') }),
    contractTerm,
  ]),
  storageUsedBytes: z.optional(count),
});

export const PoolTermSchema = z.enum(['contracted', 'monthly', 'daily', 'add-on']);

export const PoolSchema: z.ZodMiniType<Pool> = z.object({
  id,
  name: text,
  term: PoolTermSchema,
  purchased: count,
  scheduledRemoval: count,
  pendingSignature: count,
  unitPrice: count,
  storagePerLicenceBytes: z.optional(count),
  min: z.optional(count),
  max: z.optional(count),
});

export const VocabularySchema: z.ZodMiniType<Vocabulary> = z.object({
  locale: z.optional(z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/))),
  messages: z.partialRecord(z.enum(vocabularyKeys), text),
});

export const SeatPolicySchema: z.ZodMiniType<SeatPolicy> = z.object({
  name: text,
  statuses: z.array(text),
  consumingStatuses: z.array(text),
  roles: z.array(text),
  nonConsumingRoles: z.array(text),
  changeInput: z.enum(['delta', 'total']),
  increase: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('self-serve') }),
    z.object({ mode: z.literal('refuse'), contact: text }),
  ]),
  decrease: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('refuse'), contact: text }),
    z.object({ mode: z.literal('immediate') }),
    z.object({ mode: z.literal('period-end'), restorable: z.boolean() }),
  ]),
  contractLocksDecrease: z.enum(['contracted-pools', 'all-pools']),
  contractContact: z.optional(text),
  removalFloor: z.optional(z.enum(['consuming', 'holders'])),
  proration: z.object({
    unit: z.enum(['none', 'day', 'second']),
    rounding: z.enum(['half-up', 'half-even', 'up', 'down']),
    over: z.optional(z.enum(['billing-period', 'contract-term'])),
  }),
  atRenewal: z.optional(z.enum(['none', 'decrease'])),
  charge: z.enum(['now', 'next-invoice']),
  confirmation: z.enum(['review', 'terms', 'password', 'e-signature']),
  permissions: z.object({
    viewLicences: z.array(text),
    changeAllowance: z.array(text),
    manageMembers: z.array(text),
    withoutPermission: z.enum(['hide', 'explain']),
  }),
  offerChange: z.enum(['always', 'at-limit']),
  atLimit: z.array(z.enum(['buy', 'use-non-consuming', 'free-licence', 'ask-admin', 'continue'])),
  nearThreshold: z.number().check(z.minimum(0), z.maximum(100)),
  quoteTtlSeconds: z.int().check(z.positive()),
  passwordAttempts: z.optional(
    z.object({
      max: z.int().check(z.positive()),
      lockoutSeconds: z.int().check(z.positive()),
    }),
  ),
  signatureTtlSeconds: z.optional(z.int().check(z.positive())),
  vocabulary: z.optional(VocabularySchema),
});

const PoolStateSchema = z.enum(['ok', 'near', 'full', 'over']);

export const ChangeAvailabilitySchema: z.ZodMiniType<ChangeAvailability> = z.union([
  z.object({
    allowed: z.literal(true),
    effective: z.enum(['now', 'period-end', 'after-signature']),
    at: z.nullable(InstantSchema),
  }),
  z.object({
    allowed: z.literal(false),
    reason: z.enum(['forbidden', 'all-assigned', 'nothing-scheduled', 'not-restorable']),
  }),
  z.object({ allowed: z.literal(false), reason: z.literal('contact'), contact: text }),
  z.object({
    allowed: z.literal(false),
    reason: z.literal('contracted-until'),
    until: InstantSchema,
    contact: z.optional(text),
  }),
  z.object({ allowed: z.literal(false), reason: z.literal('at-max'), max: count }),
]);

export const PoolUsageSchema: z.ZodMiniType<PoolUsage> = z.object({
  poolId: id,
  name: text,
  term: PoolTermSchema,
  unitPrice: count,
  purchased: count,
  used: count,
  available: count,
  over: count,
  scheduledRemoval: count,
  pendingSignature: count,
  nextPeriod: z.int(),
  state: PoolStateSchema,
  percent: z.number(),
  renewsAt: InstantSchema,
  min: count,
  max: z.nullable(count),
  storageAllowanceBytes: z.nullable(count),
  increase: ChangeAvailabilitySchema,
  decrease: ChangeAvailabilitySchema,
  restore: ChangeAvailabilitySchema,
  adjust: z.enum(['shown', 'hidden', 'explained']),
});

export const ViewerPermissionsSchema: z.ZodMiniType<ViewerPermissions> = z.object({
  role: text,
  viewLicences: z.boolean(),
  changeAllowance: z.boolean(),
  manageMembers: z.boolean(),
});

export const AccountUsageSchema: z.ZodMiniType<AccountUsage> = z.object({
  purchased: count,
  used: count,
  available: count,
  over: count,
  scheduledRemoval: count,
  pendingSignature: count,
  nextPeriod: z.int(),
  state: PoolStateSchema,
  percent: z.number(),
  renewsAt: InstantSchema,
  contractEndsAt: z.nullable(InstantSchema),
  storage: z.nullable(
    z.object({
      usedBytes: count,
      allowanceBytes: count,
      state: PoolStateSchema,
      percent: z.number(),
    }),
  ),
  pools: z.array(PoolUsageSchema),
  viewer: ViewerPermissionsSchema,
});

const span = z.object({ start: InstantSchema, end: InstantSchema });

const fraction = z.object({
  unit: z.enum(['none', 'day', 'second']),
  remaining: count,
  total: count,
});

export const PriceLineSchema: z.ZodMiniType<PriceLine> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('prorated-charge'),
    quantity: count,
    unitPrice: count,
    fraction,
    amount: z.int(),
    term: z.optional(span),
    until: z.optional(InstantSchema),
    per: z.optional(z.literal('day')),
  }),
  z.object({
    kind: z.literal('prorated-credit'),
    quantity: count,
    unitPrice: count,
    fraction,
    amount: z.int(),
    term: z.optional(span),
    until: z.optional(InstantSchema),
    per: z.optional(z.literal('day')),
  }),
  z.object({
    kind: z.literal('term-charge'),
    quantity: count,
    unitPrice: count,
    from: InstantSchema,
    until: InstantSchema,
    amount: z.int(),
  }),
  z.object({
    kind: z.literal('recurring-change'),
    quantity: z.int(),
    unitPrice: count,
    per: z.enum(['period', 'day', 'term']),
    amount: z.int(),
    from: z.optional(InstantSchema),
    term: z.optional(span),
  }),
  z.object({ kind: z.literal('restore'), quantity: count, amount: z.literal(0) }),
  z.object({
    kind: z.literal('commitment'),
    quantity: count,
    until: InstantSchema,
    amount: z.int(),
  }),
]);

const ConfirmationSchema = z.enum(['terms', 'password', 'e-signature']);
const ChangeResultSchema = z.enum(['applied', 'scheduled', 'pending-signature']);

export const AllowancePlanSchema: z.ZodMiniType<AllowancePlan> = z.object({
  poolId: id,
  kind: z.enum(['increase', 'decrease', 'restore']),
  from: z.int(),
  to: z.int(),
  delta: z.int(),
  added: count,
  restored: count,
  removed: count,
  effectiveAt: z.nullable(InstantSchema),
  lines: z.array(PriceLineSchema),
  dueNow: MoneySchema,
  nextInvoiceChange: MoneySchema,
  confirmations: z.array(ConfirmationSchema),
  result: ChangeResultSchema,
  provider: z.optional(
    z.object({
      dueNow: MoneySchema,
      nextInvoice: z.object({ before: MoneySchema, after: MoneySchema }),
      lines: z.array(z.object({ description: text, amount: z.int(), poolId: z.nullable(id) })),
      quantity: z.int().check(z.minimum(0)),
      prorationBehavior: z.enum(['create-prorations', 'always-invoice', 'none']),
      prorationDate: z.optional(InstantSchema),
    }),
  ),
});

export const PlanIssueSchema: z.ZodMiniType<PlanIssue> = z.object({
  field: z.enum(['poolId', 'delta', 'total']),
  code: z.enum([
    'unknown-pool',
    'not-an-integer',
    'zero',
    'no-change',
    'below-assigned',
    'below-min',
    'above-max',
    'increase-not-allowed',
    'decrease-not-allowed',
    'contracted-until',
    'not-restorable',
  ]),
  contact: z.optional(text),
  until: z.optional(InstantSchema),
  limit: z.optional(count),
  floor: z.optional(z.literal('holders')),
});

export const ConsumptionReasonSchema: z.ZodMiniType<ConsumptionReason> = z.union([
  z.object({ kind: z.enum(['status-consumes', 'status-does-not-consume']), status: text }),
  z.object({ kind: z.literal('role-does-not-consume'), role: text }),
  z.object({ kind: z.literal('no-pool') }),
]);

export const RemedySchema: z.ZodMiniType<Remedy> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('buy'), poolId: id, quantity: count, total: count }),
  z.object({ kind: z.literal('use-non-consuming'), statuses: z.array(text), roles: z.array(text) }),
  z.object({ kind: z.literal('free-licence'), poolId: id, quantity: count }),
  z.object({ kind: z.literal('ask-admin'), roles: z.array(text) }),
  z.object({ kind: z.literal('continue') }),
]);

export const NeedsLicenceSchema: z.ZodMiniType<
  Extract<MemberChangeDecision, { outcome: 'needs-licence' }>
> = z.object({
  outcome: z.literal('needs-licence'),
  poolId: id,
  purchased: count,
  used: count,
  available: count,
  shortfall: count,
  remedies: z.array(RemedySchema),
});

const memberStatus = z.string().check(z.minLength(1), z.maxLength(64));
const addOnIds = z.array(id).check(z.maxLength(50));
const email = z.string().check(z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+$/));

export const MemberSchema = z.object({
  id,
  name: text,
  email,
  status: memberStatus,
  role: memberStatus,
  poolId: z.nullable(id),
  /** Add-on pools held beside `poolId`, in id order; each consumes a licence when the member does. */
  addOnIds: z.array(id),
  consumes: z.boolean(),
  reason: ConsumptionReasonSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type MemberRecord = z.infer<typeof MemberSchema>;

export const MemberListSchema = z.object({
  items: z.array(MemberSchema),
  nextCursor: z.nullable(z.string()),
});
export type MemberList = z.infer<typeof MemberListSchema>;

export const CreateMemberRequestSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  email,
  status: memberStatus,
  role: memberStatus,
  poolId: z.optional(z.nullable(id)),
  /** Add-on pools (`term: 'add-on'`) to hold beside `poolId`. @default [] */
  addOnIds: z.optional(addOnIds),
});
export type CreateMemberRequest = z.infer<typeof CreateMemberRequestSchema>;

export const UpdateMemberRequestSchema = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  email: z.optional(email),
  status: z.optional(memberStatus),
  role: z.optional(memberStatus),
  poolId: z.optional(z.nullable(id)),
  /** Every add-on pool the member holds after the change; omitted, they stay as they are. */
  addOnIds: z.optional(addOnIds),
});
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequestSchema>;

const quantity = z.int().check(z.minimum(-1_000_000), z.maximum(1_000_000));

export const QuoteRequestSchema = z.union([
  z.strictObject({ poolId: id, delta: quantity }),
  z.strictObject({ poolId: id, total: quantity }),
]);
export type QuoteRequest = z.infer<typeof QuoteRequestSchema>;

export const QuoteSchema = z.object({
  id,
  version: count,
  createdAt: InstantSchema,
  expiresAt: InstantSchema,
  request: QuoteRequestSchema,
  plan: AllowancePlanSchema,
});
export type Quote = z.infer<typeof QuoteSchema>;

export const ChangeRequestSchema = z.strictObject({
  quoteId: id,
  confirmations: z.optional(
    z.strictObject({
      termsAccepted: z.optional(z.boolean()),
      password: z.optional(z.string().check(z.maxLength(1024))),
    }),
  ),
});
export type ChangeRequest = z.infer<typeof ChangeRequestSchema>;

/**
 * Where a change stands: `charging` while the billing provider is asked for what it costs (its
 * licences reserved, not yet usable), then `applied`; `failed` when the payment was declined and
 * the change undone.
 */
export const ChangeStatusSchema = z.enum([
  'applied',
  'scheduled',
  'pending-signature',
  'cancelled',
  'charging',
  'failed',
]);
export type ChangeStatus = z.infer<typeof ChangeStatusSchema>;

export const ChangeSchema = z.object({
  id,
  quoteId: z.nullable(id),
  poolId: id,
  status: ChangeStatusSchema,
  plan: AllowancePlanSchema,
  /**
   * Who made it: their member id and role, and their name as it was when they acted (`null` for a
   * change made through the admin API, whose `role` names the actor).
   */
  actor: z.object({ memberId: z.nullable(id), role: text, name: z.nullable(z.string()) }),
  /**
   * Licences of a scheduled removal that later purchases gave back; `plan` keeps what was asked,
   * so the removal still takes away `plan.removed − restored` (core's `removalLeft`).
   */
  restored: z.number().check(z.int(), z.nonnegative()),
  createdAt: InstantSchema,
  effectiveAt: z.nullable(InstantSchema),
  signedAt: z.nullable(InstantSchema),
  cancelledAt: z.nullable(InstantSchema),
  charged: z.nullable(MoneySchema),
  /** Why it was made, for a change made through the admin API (`actor.role` then says who). */
  reason: z.optional(z.string().check(z.maxLength(1000))),
});
export type Change = z.infer<typeof ChangeSchema>;

export const ChangeListSchema = z.object({
  items: z.array(ChangeSchema),
  nextCursor: z.nullable(z.string()),
});
export type ChangeList = z.infer<typeof ChangeListSchema>;

export const SignRequestSchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(512)),
});
export type SignRequest = z.infer<typeof SignRequestSchema>;

/** The most open changes a summary carries, so that its size does not grow with them. */
export const summaryPendingLimit = 5;

/** The filter of `GET /v1/changes`: one status, or `open` for scheduled and pending signature. */
export const ChangeFilterSchema = z.enum([
  'open',
  'applied',
  'scheduled',
  'pending-signature',
  'cancelled',
  'charging',
  'failed',
]);
export type ChangeFilter = z.infer<typeof ChangeFilterSchema>;

/** The summary of a viewer whose role may see licences (`permissions.viewLicences`). */
export const FullSummarySchema = z.object({
  access: z.literal('full'),
  version: count,
  account: AccountSchema,
  policy: SeatPolicySchema,
  pools: z.array(PoolSchema),
  usage: AccountUsageSchema,
  viewer: z.object({ memberId: z.nullable(id), role: text }),
  /**
   * The newest open changes (scheduled removals and pending signatures), at most
   * `summaryPendingLimit`; the rest are paged with `GET /v1/changes?status=open`.
   */
  pendingChanges: z.array(ChangeSchema),
  /** How many changes are open in all, of which `pendingChanges` carries the newest. */
  pendingChangeCount: count,
});
export type FullSummary = z.infer<typeof FullSummarySchema>;

export const MemberAssignmentSchema: z.ZodMiniType<MemberAssignment> = z.object({
  status: text,
  role: text,
  poolId: z.nullable(id),
  addOnIds: z.optional(z.array(id)),
});

export const AddUserAvailabilitySchema: z.ZodMiniType<AddUserAvailability> = z.discriminatedUnion(
  'outcome',
  [
    z.object({ outcome: z.literal('allowed') }),
    z.object({ outcome: z.literal('forbidden') }),
    z.object({ outcome: z.literal('needs-licence'), remedies: z.array(RemedySchema) }),
  ],
);

/**
 * The summary of a viewer whose role may not see licences: whether a member can be added and whom
 * to ask, never prices, counts, the plan, the contract, storage or open changes.
 */
export const LimitedSummarySchema = z.object({
  access: z.literal('limited'),
  viewer: z.object({ memberId: z.nullable(id), role: text }),
  permissions: ViewerPermissionsSchema,
  /** Whether `newMember` can be added now (core's `describeAddUser`). */
  addUser: AddUserAvailabilitySchema,
  /** The member "Add user" creates when the host does not say (core's `defaultNewMember`). */
  newMember: MemberAssignmentSchema,
  /** Whom to ask for licences: the roles that may change the allowance. */
  askRoles: z.array(text),
  /** Whether the widgets hide what the viewer may not use or explain it. */
  withoutPermission: z.enum(['hide', 'explain']),
  /** The product's words, for the roles and statuses the widgets name. */
  vocabulary: z.optional(VocabularySchema),
});
export type LimitedSummary = z.infer<typeof LimitedSummarySchema>;

/** `GET /v1/summary`: full for roles that may see licences, limited for the others. */
export const SummarySchema = z.discriminatedUnion('access', [
  FullSummarySchema,
  LimitedSummarySchema,
]);
export type Summary = z.infer<typeof SummarySchema>;

/** Every `code` a problem document can carry; stable across versions. */
export const errorCodes = [
  'unauthenticated',
  'forbidden',
  'unknown_role',
  'not_a_member',
  'not_found',
  'account_not_found',
  'method_not_allowed',
  'unsupported_media_type',
  'malformed_json',
  'payload_too_large',
  'validation_failed',
  'plan_invalid',
  'no_licence_available',
  'stale_version',
  'conflict',
  'account_exists',
  'pool_in_use',
  'quote_expired',
  'quote_used',
  'change_in_progress',
  'idempotency_key_required',
  'idempotency_key_conflict',
  'confirmation_required',
  'password_invalid',
  'too_many_attempts',
  'signature_invalid',
  'not_cancellable',
  'payment_failed',
  'internal_error',
  'service_unavailable',
  'billing_required',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const FieldErrorSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem details, with a stable `code` and the request id. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.enum(errorCodes),
  requestId: z.string(),
  errors: z.optional(z.array(FieldErrorSchema)),
  decision: z.optional(NeedsLicenceSchema),
  issues: z.optional(z.array(PlanIssueSchema)),
});
export type Problem = z.infer<typeof ProblemSchema>;

// The admin API (`/admin/v1`): the host's server provisions accounts and syncs its users.

const name = z.string().check(z.minLength(1), z.maxLength(200));
const currency = z.string().check(z.regex(/^[A-Z]{3}$/));
const accountContract = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('self-serve') }),
  contractTerm,
]);

/** A preset of `@seats/core` by name, or a full policy. */
export const PolicyInputSchema: z.ZodMiniType<PresetName | SeatPolicy> = z.union([
  z.enum(Object.keys(presets) as [PresetName, ...PresetName[]]),
  SeatPolicySchema,
]);

/** A licence pool as the admin API creates it: nothing is scheduled or pending yet. */
export const NewPoolSchema = z.strictObject({
  id,
  name,
  term: PoolTermSchema,
  purchased: count,
  unitPrice: count,
  storagePerLicenceBytes: z.optional(count),
  min: z.optional(count),
  max: z.optional(count),
});
export type NewPool = z.infer<typeof NewPoolSchema>;

/**
 * A user of the host as a member: keyed by the host's own id used as the member id (`id`), or
 * by `externalId` with an id the kit makes. `poolId` defaults to the account's first pool.
 */
export const MemberInputSchema = z.strictObject({
  id: z.optional(id),
  externalId: z.optional(id),
  name,
  email,
  status: memberStatus,
  role: memberStatus,
  poolId: z.optional(z.nullable(id)),
  /** Add-on pools to hold beside `poolId`. @default the member's own, or none */
  addOnIds: z.optional(addOnIds),
});
export type MemberInput = z.infer<typeof MemberInputSchema>;

export const CreateAccountRequestSchema = z.strictObject({
  id,
  name,
  plan: name,
  currency,
  billingPeriod: z.strictObject({ start: InstantSchema, end: InstantSchema }),
  contract: accountContract,
  policy: PolicyInputSchema,
  storageUsedBytes: z.optional(count),
  pools: z.array(NewPoolSchema).check(z.maxLength(100)),
  /** Members to import with the account, in one statement; never more consuming than purchased. */
  members: z.optional(z.array(MemberInputSchema).check(z.maxLength(100_000))),
});
export type CreateAccountRequest = z.infer<typeof CreateAccountRequestSchema>;

/** The fields to change; `storageUsedBytes: null` clears it. */
export const UpdateAccountRequestSchema = z.strictObject({
  name: z.optional(name),
  plan: z.optional(name),
  currency: z.optional(currency),
  billingPeriod: z.optional(z.strictObject({ start: InstantSchema, end: InstantSchema })),
  contract: z.optional(accountContract),
  policy: z.optional(PolicyInputSchema),
  storageUsedBytes: z.optional(z.nullable(count)),
});
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequestSchema>;

/** The pool's fields to change; `null` clears an optional one. */
export const UpdatePoolRequestSchema = z.strictObject({
  name: z.optional(name),
  term: z.optional(PoolTermSchema),
  unitPrice: z.optional(count),
  storagePerLicenceBytes: z.optional(z.nullable(count)),
  min: z.optional(z.nullable(count)),
  max: z.optional(z.nullable(count)),
});
export type UpdatePoolRequest = z.infer<typeof UpdatePoolRequestSchema>;

/** The purchased quantity after a sales deal, with who set it and why (kept in the history). */
export const SetPurchasedRequestSchema = z.strictObject({
  purchased: z.int().check(z.minimum(0), z.maximum(1_000_000)),
  actor: name,
  reason: z.string().check(z.minLength(1), z.maxLength(1000)),
});
export type SetPurchasedRequest = z.infer<typeof SetPurchasedRequestSchema>;

export const AdminMemberSchema = z.object({
  id,
  externalId: z.nullable(id),
  name: text,
  email,
  status: memberStatus,
  role: memberStatus,
  poolId: z.nullable(id),
  addOnIds: z.array(id),
  consumes: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type AdminMember = z.infer<typeof AdminMemberSchema>;

export const UpsertMemberResultSchema = z.object({
  outcome: z.enum(['created', 'updated', 'unchanged']),
  member: AdminMemberSchema,
});
export type UpsertMemberResult = z.infer<typeof UpsertMemberResultSchema>;

export const ReconcileRequestSchema = z.strictObject({
  users: z.array(MemberInputSchema).check(z.maxLength(100_000)),
  /** Answers the diff without writing anything. */
  dryRun: z.optional(z.boolean()),
  /**
   * What happens to members missing from `users`: given a status that consumes no licence
   * (`deactivate`, the default), deleted, or kept as they are.
   */
  missing: z.optional(z.enum(['deactivate', 'delete', 'keep'])),
  /** The status `deactivate` gives. @default the policy's first status that consumes no licence */
  inactiveStatus: z.optional(memberStatus),
});
export type ReconcileRequest = z.infer<typeof ReconcileRequestSchema>;

/** One member a reconcile touched; `memberId` is `null` for one a dry run would create by `externalId`. */
export const ReconcileEntrySchema = z.object({
  memberId: z.nullable(id),
  externalId: z.nullable(id),
  email,
  /** The fields that changed (`updated`, `deactivated`). */
  fields: z.array(z.enum(['name', 'email', 'status', 'role', 'poolId', 'addOnIds'])),
});
export type ReconcileEntry = z.infer<typeof ReconcileEntrySchema>;

/** Why a user was not written: no licence of its pool was free. */
export const ReconcileRefusalSchema = z.object({
  memberId: z.nullable(id),
  externalId: z.nullable(id),
  email,
  code: z.literal('no_licence_available'),
  poolId: id,
  purchased: count,
  used: count,
  message: z.string(),
});
export type ReconcileRefusal = z.infer<typeof ReconcileRefusalSchema>;

export const ReconcileResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.array(ReconcileEntrySchema),
  updated: z.array(ReconcileEntrySchema),
  deactivated: z.array(ReconcileEntrySchema),
  deleted: z.array(ReconcileEntrySchema),
  refused: z.array(ReconcileRefusalSchema),
  unchanged: count,
});
export type ReconcileResult = z.infer<typeof ReconcileResultSchema>;

/** An account as the admin API answers it: its fields, policy, pools and used licences per pool. */
export const AdminAccountSchema = z.object({
  account: AccountSchema,
  policy: SeatPolicySchema,
  pools: z.array(PoolSchema),
  usedByPool: z.record(z.string(), count),
  version: count,
});
export type AdminAccount = z.infer<typeof AdminAccountSchema>;

/** What setting a purchased quantity answers: the change recorded (`null` when nothing changed) and the account. */
export const SetPurchasedResultSchema = z.object({
  change: z.nullable(ChangeSchema),
  account: AdminAccountSchema,
});
export type SetPurchasedResult = z.infer<typeof SetPurchasedResultSchema>;

/** The schemas the OpenAPI document names, by component name. */
export const namedSchemas = {
  Summary: SummarySchema,
  FullSummary: FullSummarySchema,
  LimitedSummary: LimitedSummarySchema,
  AddUserAvailability: AddUserAvailabilitySchema,
  Account: AccountSchema,
  Pool: PoolSchema,
  SeatPolicy: SeatPolicySchema,
  Vocabulary: VocabularySchema,
  AccountUsage: AccountUsageSchema,
  PoolUsage: PoolUsageSchema,
  Member: MemberSchema,
  MemberList: MemberListSchema,
  CreateMemberRequest: CreateMemberRequestSchema,
  UpdateMemberRequest: UpdateMemberRequestSchema,
  QuoteRequest: QuoteRequestSchema,
  Quote: QuoteSchema,
  AllowancePlan: AllowancePlanSchema,
  PriceLine: PriceLineSchema,
  ChangeRequest: ChangeRequestSchema,
  Change: ChangeSchema,
  ChangeList: ChangeListSchema,
  SignRequest: SignRequestSchema,
  Problem: ProblemSchema,
  CreateAccountRequest: CreateAccountRequestSchema,
  UpdateAccountRequest: UpdateAccountRequestSchema,
  NewPool: NewPoolSchema,
  UpdatePoolRequest: UpdatePoolRequestSchema,
  SetPurchasedRequest: SetPurchasedRequestSchema,
  AdminAccount: AdminAccountSchema,
  SetPurchasedResult: SetPurchasedResultSchema,
  MemberInput: MemberInputSchema,
  AdminMember: AdminMemberSchema,
  UpsertMemberResult: UpsertMemberResultSchema,
  ReconcileRequest: ReconcileRequestSchema,
  ReconcileResult: ReconcileResultSchema,
} as const;
