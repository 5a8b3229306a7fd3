/** An ISO-8601 instant in UTC, e.g. `2026-11-23T00:00:00.000Z`. */
export type Instant = string;

/** How a licence pool is committed: for the contract term, month to month, day to day, or as an add-on. */
export type PoolTerm = 'contracted' | 'monthly' | 'daily' | 'add-on';

export type Contract =
  | { kind: 'self-serve' }
  | { kind: 'contracted'; start: Instant; end: Instant };

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
  /** @default 0 */
  min?: number | undefined;
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
}

/** The part of a member that decides whether it consumes a licence. */
export type MemberAssignment = Pick<Member, 'status' | 'role' | 'poolId'>;
