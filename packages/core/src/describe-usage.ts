import { checkAllowanceChange } from './check-allowance-change';
import { decreaseLockedUntil } from './decrease-locked-until';
import type { Account, Instant, Pool } from './domain';
import { resolvePermissions, type ViewerPermissions } from './permissions';
import type { PlanIssue } from './plan-allowance-change';
import type { SeatPolicy } from './policy';

export type PoolState = 'ok' | 'near' | 'full' | 'over';

/** Whether a kind of change may be made now, when it takes effect, or why not. */
export type ChangeAvailability =
  | { allowed: true; effective: 'now' | 'period-end' | 'after-signature'; at: Instant | null }
  | { allowed: false; reason: 'forbidden' }
  | { allowed: false; reason: 'contact'; contact: string }
  | { allowed: false; reason: 'contracted-until'; until: Instant; contact?: string | undefined }
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
  /** Members holding each pool whatever their status; needed with `removalFloor: 'holders'`. */
  heldByPool?: Readonly<Record<string, number>> | undefined;
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

export function describePool(
  pool: Pool,
  used: number,
  account: Account,
  policy: SeatPolicy,
  viewer: ViewerPermissions,
  held?: number,
): PoolUsage {
  const capacity = pool.purchased - pool.scheduledRemoval;
  const available = Math.max(0, capacity - used);
  const state = stateOf(used, pool.purchased, available, policy.nearThreshold);
  const lockedUntil = decreaseLockedUntil(account, pool, policy);
  const renewsAt = lockedUntil ?? account.billingPeriod.end;
  const min = pool.min ?? 0;
  const max = pool.max ?? null;

  const check = (delta: number) =>
    checkAllowanceChange({ account, pool, used, held, policy, delta });
  const refusal = (issue: Omit<PlanIssue, 'field'>): ChangeAvailability => {
    switch (issue.code) {
      case 'increase-not-allowed':
      case 'decrease-not-allowed':
        return { allowed: false, reason: 'contact', contact: issue.contact ?? '' };
      case 'contracted-until':
        return {
          allowed: false,
          reason: 'contracted-until',
          until: issue.until ?? renewsAt,
          ...(issue.contact === undefined ? {} : { contact: issue.contact }),
        };
      case 'above-max':
        return { allowed: false, reason: 'at-max', max: issue.limit ?? 0 };
      default:
        return { allowed: false, reason: 'all-assigned' };
    }
  };

  // Each availability is what `planAllowanceChange` says of the smallest such change.
  let increase: ChangeAvailability;
  const more = check(1);
  if (!viewer.changeAllowance) increase = { allowed: false, reason: 'forbidden' };
  else if (more.status === 'refused') increase = refusal(more.issue);
  else if (more.added > 0 && policy.confirmation === 'e-signature') {
    increase = { allowed: true, effective: 'after-signature', at: null };
  } else increase = { allowed: true, effective: 'now', at: null };

  let decrease: ChangeAvailability;
  const fewer = check(-1);
  if (!viewer.changeAllowance) decrease = { allowed: false, reason: 'forbidden' };
  else if (fewer.status === 'refused') decrease = refusal(fewer.issue);
  else if (fewer.timing === 'period-end') {
    decrease = { allowed: true, effective: 'period-end', at: account.billingPeriod.end };
  } else decrease = { allowed: true, effective: 'now', at: null };

  let restore: ChangeAvailability;
  if (!viewer.changeAllowance) restore = { allowed: false, reason: 'forbidden' };
  else if (pool.scheduledRemoval === 0) restore = { allowed: false, reason: 'nothing-scheduled' };
  else if (policy.decrease.mode === 'period-end' && !policy.decrease.restorable) {
    restore = { allowed: false, reason: 'not-restorable' };
  } else if (more.status === 'refused') restore = refusal(more.issue);
  else restore = { allowed: true, effective: 'now', at: null };

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
    renewsAt,
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
    describePool(
      pool,
      input.usedByPool[pool.id] ?? 0,
      account,
      policy,
      viewer,
      input.heldByPool?.[pool.id],
    ),
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
