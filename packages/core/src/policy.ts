import type { Rounding } from './money';
import type { Vocabulary } from './vocabulary';

/**
 * How the part of a period still to run is counted. `day`: whole UTC days, the current day
 * counting whole (a purchase is charged for today; an immediate removal is credited for today);
 * the widgets say "25 of 31 days". `second`: whole seconds, the current one counting; the widgets
 * can then only name the stretch (its dates), never a figure a reader can multiply, so a product
 * whose words say days uses `day`. `none`: the full period's price.
 */
export type ProrationUnit = 'none' | 'day' | 'second';

/** What an admin confirms before a purchase is committed. */
export type Confirmation = 'terms' | 'password' | 'e-signature';

/** What the kit offers, in order, when adding or activating a user needs a licence and none is free. */
/**
 * A remedy at zero available. `continue` is offered only where the check runs as a new member's
 * form opens: go on to the form, and let the check on saving decide (OpenCRM's warning on "New
 * User", whose save then asks to increase the licences).
 */
export type AtLimitRemedyKind =
  | 'buy'
  | 'use-non-consuming'
  | 'free-licence'
  | 'ask-admin'
  | 'continue';

export type DecreasePolicy =
  /** Decreases are not self-service: the admin is told whom to contact (OpenCRM). */
  | { mode: 'refuse'; contact: string }
  /**
   * Removed at once; a prorated credit is given where proration applies, and for a daily licence
   * type always: each day left, today included (Commusoft non-contracted licences).
   */
  | { mode: 'immediate' }
  /** Removed at the end of the billing period and, if `restorable`, restorable at no charge until then (Dialpad). */
  | { mode: 'period-end'; restorable: boolean };

export type IncreasePolicy = { mode: 'self-serve' } | { mode: 'refuse'; contact: string };

export interface SeatPolicy {
  /** Preset name, or any label of the host's. */
  name: string;
  /** Every status a member can have, in display order. */
  statuses: readonly string[];
  /** Statuses whose members consume a licence (OpenCRM: Active and Locked). */
  consumingStatuses: readonly string[];
  /** Every role (rights group) a member can have, in display order. */
  roles: readonly string[];
  /** Roles that never consume a licence, whatever the status (factro: guest). */
  nonConsumingRoles: readonly string[];
  /** How an admin enters a change: additional licences (Dazos) or the new total (OpenCRM, factro). */
  changeInput: 'delta' | 'total';
  increase: IncreasePolicy;
  decrease: DecreasePolicy;
  /**
   * What a contract locks until it ends: only pools of term `contracted` (Commusoft), or every pool
   * of an account on a contracted plan (Dialpad's invoiced plans).
   * @default 'contracted-pools'
   */
  contractLocksDecrease: 'contracted-pools' | 'all-pools';
  /**
   * Whom to contact to change what a contract locks before it ends (Dialpad's invoiced plans:
   * "contact your Customer Success Manager"); without it, the refusal says the licences can
   * change at renewal.
   * @default none
   */
  contractContact?: string | undefined;
  /**
   * What a decrease may never go below: the members consuming a licence of the pool, or every
   * member holding the pool whatever their status (Commusoft: "Licenses cannot be deleted if they
   * are currently assigned to a user", an inactive user included).
   * @default 'consuming'
   */
  removalFloor?: 'consuming' | 'holders' | undefined;
  /**
   * How a mid-period purchase is priced. The prorated amount is
   * `quantity x unitPrice x remaining / total` in the unit, rounded once per line by `rounding`.
   * `over` says what `total` is: the current billing period (each period's own length, so a day
   * of February costs more than a day of March), or the main contract's term for the licences
   * the contract covers (factro: "billed on a daily basis proportionally to the term of the main
   * contract": every day costs the term's price divided by the term's days).
   * @default { unit: 'day', rounding: 'half-up', over: 'billing-period' }
   */
  proration: {
    unit: ProrationUnit;
    rounding: Rounding;
    over?: 'billing-period' | 'contract-term' | undefined;
  };
  /**
   * What an admin may change at a contract's renewal. `decrease`: in the term's last billing
   * period, licences the contract locks may be removed, effective when the term ends (Commusoft:
   * "You will be able to adjust these upon renewal"); `none`: they stay locked until the term has
   * ended.
   * @default 'none'
   */
  atRenewal?: 'none' | 'decrease' | undefined;
  /** Whether a purchase is charged at once or added to the next invoice (OpenCRM). */
  charge: 'now' | 'next-invoice';
  /** What a purchase needs before it is committed; an e-signature leaves it pending until signed. */
  confirmation: 'review' | Confirmation;
  permissions: {
    /** Roles that see licence counts and prices. */
    viewLicences: readonly string[];
    /** Roles that may buy, remove and restore licences. */
    changeAllowance: readonly string[];
    /** Roles that may add, activate, deactivate and delete members. */
    manageMembers: readonly string[];
    /** What a viewer without `changeAllowance` sees where the change control would be. */
    withoutPermission: 'hide' | 'explain';
  };
  /** When the change control is offered: always, or only once a pool is full (Dazos's "Upgrade"). */
  offerChange: 'always' | 'at-limit';
  /** Remedies offered at zero available, in order; an empty list blocks. */
  atLimit: readonly AtLimitRemedyKind[];
  /** Percent of a pool in use from which it is `near` its limit. */
  nearThreshold: number;
  /** How long a quote stays valid. */
  quoteTtlSeconds: number;
  /**
   * Wrong passwords a member may enter (`confirmation: 'password'`) before commits are refused
   * with 429 until `lockoutSeconds` after the first of them.
   * @default { max: 5, lockoutSeconds: 900 }
   */
  passwordAttempts?: { max: number; lockoutSeconds: number } | undefined;
  /**
   * How long a purchase waits for its e-signature before it expires, with its link.
   * @default 604800 (7 days)
   */
  signatureTtlSeconds?: number | undefined;
  /**
   * The product's own words for the widgets and its language; the widgets show them unless the
   * host overrides the same message.
   * @default none: the widgets' catalog
   */
  vocabulary?: Vocabulary | undefined;
}

export type SeatPolicyOptions = Partial<Omit<SeatPolicy, 'permissions' | 'proration'>> & {
  permissions?: Partial<SeatPolicy['permissions']>;
  proration?: Partial<SeatPolicy['proration']>;
};

const defaults: SeatPolicy = {
  name: 'custom',
  statuses: ['active', 'inactive'],
  consumingStatuses: ['active'],
  roles: ['owner', 'admin', 'member'],
  nonConsumingRoles: [],
  changeInput: 'total',
  increase: { mode: 'self-serve' },
  decrease: { mode: 'period-end', restorable: true },
  contractLocksDecrease: 'contracted-pools',
  proration: { unit: 'day', rounding: 'half-up', over: 'billing-period' },
  atRenewal: 'none',
  charge: 'now',
  confirmation: 'review',
  permissions: {
    viewLicences: ['owner', 'admin'],
    changeAllowance: ['owner'],
    manageMembers: ['owner', 'admin'],
    withoutPermission: 'explain',
  },
  offerChange: 'always',
  atLimit: ['buy', 'use-non-consuming', 'free-licence', 'ask-admin'],
  nearThreshold: 90,
  quoteTtlSeconds: 900,
};

/** A complete policy from partial options, every missing setting taken from the documented defaults. */
export function definePolicy(options: SeatPolicyOptions = {}): SeatPolicy {
  return {
    ...defaults,
    ...options,
    permissions: { ...defaults.permissions, ...options.permissions },
    proration: { ...defaults.proration, ...options.proration },
  };
}

/** What is wrong with a policy, as messages; empty when it is consistent. */
export function checkPolicy(policy: SeatPolicy): string[] {
  const problems: string[] = [];
  if (policy.statuses.length === 0) problems.push('statuses must name at least one status');
  if (policy.roles.length === 0) problems.push('roles must name at least one role');
  for (const [list, values] of [
    ['statuses', policy.statuses],
    ['roles', policy.roles],
  ] as const) {
    const duplicates = values.filter((value, index) => values.indexOf(value) !== index);
    for (const value of new Set(duplicates)) problems.push(`${list} name "${value}" twice`);
  }
  for (const permission of ['viewLicences', 'changeAllowance', 'manageMembers'] as const) {
    for (const role of policy.permissions[permission]) {
      if (!policy.roles.includes(role)) problems.push(`${permission} role "${role}" is not a role`);
    }
  }
  for (const status of policy.consumingStatuses) {
    if (!policy.statuses.includes(status))
      problems.push(`consuming status "${status}" is not a status`);
  }
  for (const role of policy.nonConsumingRoles) {
    if (!policy.roles.includes(role)) problems.push(`non-consuming role "${role}" is not a role`);
  }
  if (
    !Number.isFinite(policy.nearThreshold) ||
    policy.nearThreshold < 0 ||
    policy.nearThreshold > 100
  ) {
    problems.push('nearThreshold must be a percent between 0 and 100');
  }
  if (!Number.isInteger(policy.quoteTtlSeconds) || policy.quoteTtlSeconds <= 0) {
    problems.push('quoteTtlSeconds must be a positive whole number');
  }
  return problems;
}

/** When a quote made at `now` stops being valid under the policy's `quoteTtlSeconds`. */
export function quoteExpiresAt(policy: Pick<SeatPolicy, 'quoteTtlSeconds'>, now: string): string {
  return new Date(Date.parse(now) + policy.quoteTtlSeconds * 1000).toISOString();
}
