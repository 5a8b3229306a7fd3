import type { SeatPolicy } from './policy';

/** How a licence held by a member is freed: a status that consumes none, or deleting the member. */
export type FreeLicenceAction = { kind: 'set-status'; status: string } | { kind: 'delete' };

/**
 * How the kit frees a member's licence under `policy`: the first status that consumes no licence;
 * without one, deleting the member when `allowDelete`, else nothing (`null`).
 */
export function freeLicenceAction(
  policy: Pick<SeatPolicy, 'statuses' | 'consumingStatuses'>,
  { allowDelete }: { allowDelete: boolean },
): FreeLicenceAction | null {
  const status = policy.statuses.find((candidate) => !policy.consumingStatuses.includes(candidate));
  if (status !== undefined) return { kind: 'set-status', status };
  return allowDelete ? { kind: 'delete' } : null;
}
