/** An ISO-8601 instant in UTC, e.g. `2026-11-23T00:00:00.000Z`. */
export type Instant = string;

/** How a licence pool is committed: for the contract term, month to month, day to day, or as an add-on. */
export type PoolTerm = 'contracted' | 'monthly' | 'daily' | 'add-on';

/**
 * What happens when a contract's term ends.
 * - `renew`: a new term of `months` calendar months starts where the last one ended; `afterwards`, when
 *   set, is the rule for the end of that new term (a notice given after the deadline lets the
 *   contract renew once more and then end);
 * - `monthly`: the contract ends and the account continues month to month, self-serve; its
 *   contracted licences become monthly licences.
 */
export type ContractRenewal =
  | { mode: 'renew'; months: number; afterwards?: ContractRenewal | undefined }
  | { mode: 'monthly' };

/**
 * A main contract: the term the account committed to, separate from the invoice (billing) period.
 * An annual contract may be invoiced monthly (`payment: 'per-period'`) or paid in advance for the
 * whole term (`payment: 'upfront'`).
 */
export interface ContractTerm {
  kind: 'contracted';
  start: Instant;
  end: Instant;
  /**
   * How the licences the contract covers are paid: with each invoice period, or for the whole
   * term in advance (a licence added mid-term is then charged for the rest of the term at once).
   * @default 'per-period'
   */
  payment?: 'per-period' | 'upfront' | undefined;
  /** @default a renewal for a term as long as this one, in whole months */
  renewal?: ContractRenewal | undefined;
  /**
   * Days before `end` by which notice not to renew must be given; a later notice takes effect at
   * the end of the following term.
   * @default 0
   */
  noticeDays?: number | undefined;
}

/** Self-serve (month to month, or whatever the billing period is), or a contract for a term. */
export type Contract = { kind: 'self-serve' } | ContractTerm;

export interface BillingPeriod {
  start: Instant;
  end: Instant;
}

export interface Account {
  id: string;
  name: string;
  /** The plan's display name, e.g. "Customer Journey Plan". */
  plan: string;
  /** ISO 4217 code; every price of the account is in its minor units. */
  currency: string;
  billingPeriod: BillingPeriod;
  contract: Contract;
  /** Storage in use, where the plan measures it; the allowance is derived from the pools. */
  storageUsedBytes?: number | undefined;
}

/** A licence type the account buys: its quantity, price and bounds. */
export interface Pool {
  id: string;
  name: string;
  term: PoolTerm;
  /** Licences paid for in the current period. */
  purchased: number;
  /** Licences that go away at the end of the current period. */
  scheduledRemoval: number;
  /** Licences bought but waiting for an e-signature; not usable yet. */
  pendingSignature: number;
  /** Price of one licence for one billing period (one day for `daily` pools), in minor units. */
  unitPrice: number;
  /** Storage that each licence adds to the account's allowance. */
  storagePerLicenceBytes?: number | undefined;
  /**
   * The fewest licences for the next period (`purchased - scheduledRemoval`): no decrease goes
   * below it (nor below the members consuming a licence).
   * @default 0
   */
  min?: number | undefined;
  /**
   * The most licences the pool may hold: the licences for the next period plus those waiting for
   * a signature never exceed it, and a purchase never takes the licences paid this period
   * (`purchased + pendingSignature`) above it, even while some are scheduled for removal. See
   * `checkAllowanceChange`.
   * @default no maximum
   */
  max?: number | undefined;
}

export interface Member {
  id: string;
  name: string;
  email: string;
  status: string;
  role: string;
  /** The pool whose licence the member uses when consuming; `null` when none is assigned. */
  poolId: string | null;
  /**
   * Add-on pools (`term: 'add-on'`) the member holds beside `poolId`, e.g. Dialpad's Contact
   * Center add-on; each consumes one of its pool's licences under the same status and role rule,
   * and only while the member holds a base pool.
   * @default []
   */
  addOnIds?: string[] | undefined;
}

/** The part of a member that decides whether it consumes a licence. */
export type MemberAssignment = Pick<Member, 'status' | 'role' | 'poolId' | 'addOnIds'>;
