import type { SeatPolicy } from './policy';

/** How a licence held by a member is freed: a status that consumes none, or deleting the member. */
export type FreeLicenceAction = { kind: 'set-status'; status: string } | { kind: 'delete' };

/**
 * How the kit frees a member's licence under `policy`: the first status that consumes no licence;
 * without one, deleting the member when `allowDelete`, else nothing (`null`). To make room for a
 * `decrease` under `removalFloor: 'holders'` a status is not enough (an inactive member still holds
 * the licence type), so the member is deleted when allowed.
 */
export function freeLicenceAction(
  policy: Pick<SeatPolicy, 'statuses' | 'consumingStatuses' | 'removalFloor'>,
  {
    allowDelete,
    purpose = 'add',
  }: {
    allowDelete: boolean;
    /** Room to add or activate a member (the default), or to remove licences. */
    purpose?: 'add' | 'decrease';
  },
): FreeLicenceAction | null {
  const statusFrees = purpose === 'add' || policy.removalFloor !== 'holders';
  const status = policy.statuses.find((candidate) => !policy.consumingStatuses.includes(candidate));
  if (statusFrees && status !== undefined) return { kind: 'set-status', status };
  return allowDelete ? { kind: 'delete' } : null;
}

/**
 * Whether the kit offers `member` for freeing a licence: never the acting member (`viewerMemberId`),
 * nor a member whose role may change the allowance (`permissions.changeAllowance`, the account's
 * owners and billing admins), whose removal would leave the account without anyone to buy.
 */
export function isFreeLicenceCandidate(
  policy: Pick<SeatPolicy, 'permissions'>,
  viewerMemberId: string | null,
  member: { id: string; role: string },
): boolean {
  if (viewerMemberId !== null && member.id === viewerMemberId) return false;
  return !policy.permissions.changeAllowance.includes(member.role);
}
