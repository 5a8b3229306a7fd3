import type { Account, Instant, Pool } from './domain';
import { resolvePermissions, type ViewerPermissions } from './permissions';
import type { SeatPolicy } from './policy';

export type PoolState = 'ok' | 'near' | 'full' | 'over';

/** Whether a kind of change may be made now, when it takes effect, or why not. */
export type ChangeAvailability =
  | { allowed: true; effective: 'now' | 'period-end' | 'after-signature'; at: Instant | null }
  | { allowed: false; reason: 'forbidden' }
  | { allowed: false; reason: 'contact'; contact: string }
  | { allowed: false; reason: 'contracted-until'; until: Instant }
  | { allowed: false; reason: 'at-max'; max: number }
  | { allowed: false; reason: 'all-assigned' }
  | { allowed: false; reason: 'nothing-scheduled' }
  | { allowed: false; reason: 'not-restorable' };

/** Where the change control stands: offered, hidden, or shown disabled with its reason. */
export type AdjustVisibility = 'shown' | 'hidden' | 'explained';

export interface PoolUsage {
  poolId: string;
  name: string;
  term: Pool['term'];
  unitPrice: number;
  purchased: number;
  /** Members consuming a licence of this pool. */
  used: number;
  /** Licences free to assign now: purchased, less those scheduled for removal, less used. */
  available: number;
  /** Members beyond the purchased licences (a pool shrunk outside the kit, or imported). */
  over: number;
  scheduledRemoval: number;
  pendingSignature: number;
  /** Licences that will be billed next period. */
  nextPeriod: number;
  state: PoolState;
  /** `used / purchased` in percent, unrounded and not clamped. */
  percent: number;
  /** When the current period (or, for a contracted pool, the contract) ends. */
  renewsAt: Instant;
  min: number;
  max: number | null;
  storageAllowanceBytes: number | null;
  increase: ChangeAvailability;
  decrease: ChangeAvailability;
  restore: ChangeAvailability;
  adjust: AdjustVisibility;
}

export interface AccountUsage {
  purchased: number;
  used: number;
  available: number;
  over: number;
  scheduledRemoval: number;
  pendingSignature: number;
  nextPeriod: number;
  state: PoolState;
  percent: number;
  renewsAt: Instant;
  contractEndsAt: Instant | null;
  storage: { usedBytes: number; allowanceBytes: number; state: PoolState; percent: number } | null;
  pools: PoolUsage[];
  viewer: ViewerPermissions;
}

export interface DescribeUsageInput {
  account: Account;
  pools: readonly Pool[];
  /** Consuming members per pool id, e.g. from `countConsumingMembers` or a SQL `count(*)`. */
  usedByPool: Readonly<Record<string, number>>;
  policy: SeatPolicy;
  viewerRole: string;
}

function stateOf(used: number, purchased: number, available: number, near: number): PoolState {
  if (used > purchased) return 'over';
  if (available === 0) return 'full';
  return used * 100 >= near * purchased ? 'near' : 'ok';
}

function percentOf(used: number, purchased: number): number {
  if (purchased === 0) return used > 0 ? 100 : 0;
  return (used * 100) / purchased;
}

function contractLockEnd(account: Account, pool: Pool, policy: SeatPolicy): Instant | null {
  if (pool.term === 'contracted') {
    return account.contract.kind === 'contracted'
      ? account.contract.end
      : account.billingPeriod.end;
  }
  if (account.contract.kind === 'contracted' && policy.contractLocksDecrease === 'all-pools') {
    return account.contract.end;
  }
  return null;
}

/**
 * Until when a contract forbids removing licences from a pool, or `null` when it does not: a
 * pool of term `contracted` until the contract ends (the billing period's end without a
 * contract), every pool of a contracted account under `contractLocksDecrease: 'all-pools'`. With
 * `atRenewal: 'decrease'` the lock lifts in the term's last billing period (see
 * `decreasesAtRenewal`).
 */
export function decreaseLockedUntil(
  account: Account,
  pool: Pool,
  policy: SeatPolicy,
): Instant | null {
  const end = contractLockEnd(account, pool, policy);
  if (end === null) return null;
  if (policy.atRenewal === 'decrease' && Date.parse(account.billingPeriod.end) >= Date.parse(end)) {
    return null;
  }
  return end;
}

/**
 * Whether removing licences from a pool is a change at the contract's renewal: the contract locks
 * them, the policy lets them be adjusted at renewal, and the current billing period is the term's
 * last. Such a removal is scheduled for the period's end, when the term ends.
 */
export function decreasesAtRenewal(account: Account, pool: Pool, policy: SeatPolicy): boolean {
  return (
    contractLockEnd(account, pool, policy) !== null &&
    decreaseLockedUntil(account, pool, policy) === null
  );
}

export function describePool(
  pool: Pool,
  used: number,
  account: Account,
  policy: SeatPolicy,
  viewer: ViewerPermissions,
): PoolUsage {
  const capacity = pool.purchased - pool.scheduledRemoval;
  const available = Math.max(0, capacity - used);
  const state = stateOf(used, pool.purchased, available, policy.nearThreshold);
  const lockedUntil = decreaseLockedUntil(account, pool, policy);
  const min = pool.min ?? 0;
  const max = pool.max ?? null;

  let increase: ChangeAvailability;
  if (!viewer.changeAllowance) increase = { allowed: false, reason: 'forbidden' };
  else if (policy.increase.mode === 'refuse') {
    increase = { allowed: false, reason: 'contact', contact: policy.increase.contact };
  } else if (
    max !== null &&
    capacity + pool.pendingSignature >= max &&
    pool.scheduledRemoval === 0
  ) {
    increase = { allowed: false, reason: 'at-max', max };
  } else if (policy.confirmation === 'e-signature') {
    increase = { allowed: true, effective: 'after-signature', at: null };
  } else increase = { allowed: true, effective: 'now', at: null };

  let decrease: ChangeAvailability;
  if (!viewer.changeAllowance) decrease = { allowed: false, reason: 'forbidden' };
  else if (policy.decrease.mode === 'refuse') {
    decrease = { allowed: false, reason: 'contact', contact: policy.decrease.contact };
  } else if (lockedUntil !== null)
    decrease = { allowed: false, reason: 'contracted-until', until: lockedUntil };
  else if (capacity <= Math.max(used, min)) decrease = { allowed: false, reason: 'all-assigned' };
  else if (policy.decrease.mode === 'period-end' || decreasesAtRenewal(account, pool, policy)) {
    decrease = { allowed: true, effective: 'period-end', at: account.billingPeriod.end };
  } else decrease = { allowed: true, effective: 'now', at: null };

  let restore: ChangeAvailability;
  if (!viewer.changeAllowance) restore = { allowed: false, reason: 'forbidden' };
  else if (pool.scheduledRemoval === 0) restore = { allowed: false, reason: 'nothing-scheduled' };
  else if (policy.decrease.mode === 'period-end' && !policy.decrease.restorable) {
    restore = { allowed: false, reason: 'not-restorable' };
  } else restore = { allowed: true, effective: 'now', at: null };

  let adjust: AdjustVisibility = 'shown';
  if (!viewer.changeAllowance)
    adjust = policy.permissions.withoutPermission === 'hide' ? 'hidden' : 'explained';
  else if (policy.offerChange === 'at-limit' && state !== 'full' && state !== 'over')
    adjust = 'hidden';

  return {
    poolId: pool.id,
    name: pool.name,
    term: pool.term,
    unitPrice: pool.unitPrice,
    purchased: pool.purchased,
    used,
    available,
    over: Math.max(0, used - pool.purchased),
    scheduledRemoval: pool.scheduledRemoval,
    pendingSignature: pool.pendingSignature,
    nextPeriod: capacity,
    state,
    percent: percentOf(used, pool.purchased),
    renewsAt: lockedUntil ?? account.billingPeriod.end,
    min,
    max,
    storageAllowanceBytes:
      pool.storagePerLicenceBytes === undefined
        ? null
        : pool.storagePerLicenceBytes * pool.purchased,
    increase,
    decrease,
    restore,
    adjust,
  };
}

/** An account's usage as a view model: per pool and in total, with what the viewer may change and when. */
export function describeUsage(input: DescribeUsageInput): AccountUsage {
  const { account, policy } = input;
  const viewer = resolvePermissions(policy, input.viewerRole);
  const pools = input.pools.map((pool) =>
    describePool(pool, input.usedByPool[pool.id] ?? 0, account, policy, viewer),
  );
  const sum = (pick: (pool: PoolUsage) => number) =>
    pools.reduce((total, pool) => total + pick(pool), 0);
  const purchased = sum((pool) => pool.purchased);
  const used = sum((pool) => pool.used);
  const available = sum((pool) => pool.available);
  const storagePools = pools.filter((pool) => pool.storageAllowanceBytes !== null);
  let storage: AccountUsage['storage'] = null;
  if (account.storageUsedBytes !== undefined && storagePools.length > 0) {
    const allowanceBytes = storagePools.reduce(
      (total, pool) => total + (pool.storageAllowanceBytes ?? 0),
      0,
    );
    const usedBytes = account.storageUsedBytes;
    storage = {
      usedBytes,
      allowanceBytes,
      state: stateOf(
        usedBytes,
        allowanceBytes,
        Math.max(0, allowanceBytes - usedBytes),
        policy.nearThreshold,
      ),
      percent: percentOf(usedBytes, allowanceBytes),
    };
  }
  return {
    purchased,
    used,
    available,
    over: sum((pool) => pool.over),
    scheduledRemoval: sum((pool) => pool.scheduledRemoval),
    pendingSignature: sum((pool) => pool.pendingSignature),
    nextPeriod: sum((pool) => pool.nextPeriod),
    state: stateOf(used, purchased, available, policy.nearThreshold),
    percent: percentOf(used, purchased),
    renewsAt: account.billingPeriod.end,
    contractEndsAt: account.contract.kind === 'contracted' ? account.contract.end : null,
    storage,
    pools,
    viewer,
  };
}
