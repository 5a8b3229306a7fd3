import { type MemberRecord, SeatsNetworkError, type Summary } from '@seats/client';
import { type FreeLicenceAction, freeLicenceAction, isFreeLicenceCandidate } from '@seats/core';
import { useState } from 'react';
import { useSeats } from './seats-context';
import { seatsKeys } from './seats-query-options';
import { useMembers } from './use-members';
import { usePendingCall } from './use-pending-call';
import { useSeatsSummary } from './use-seats-summary';

export interface UseFreeLicenceOptions {
  /** The licence type whose consuming members are listed. */
  poolId: string;
  /** Delete the member when the policy has no status that consumes no licence. @default false */
  allowDelete?: boolean | undefined;
  /** Room to add a member (the guard), or to remove licences (the adjust dialog). @default 'add' */
  purpose?: 'add' | 'decrease' | undefined;
  /** Called with the refreshed summary and the member once their licence was freed. */
  onFreed?: ((summary: Summary, member: MemberRecord) => void) | undefined;
}

/**
 * The members holding a licence of `poolId` that core offers (`isFreeLicenceCandidate`: never the
 * viewer nor an owner), and `free(member)`, which frees theirs as core's
 * `freeLicenceAction` says (a status that consumes none, or deleting them).
 */
export function useFreeLicence({
  poolId,
  allowDelete = false,
  purpose = 'add',
  onFreed,
}: UseFreeLicenceOptions) {
  const { client, queryClient, scope } = useSeats();
  const summary = useSeatsSummary();
  const members = useMembers({ poolId, consuming: true });
  const full = summary.data?.access === 'full' ? summary.data : null;
  const action = full === null ? null : freeLicenceAction(full.policy, { allowDelete, purpose });
  // A member write moves the usage: every cached read of the account refetches.
  const write = usePendingCall(async (member: MemberRecord, how: FreeLicenceAction) => {
    if (how.kind === 'set-status') await client.updateMember(member.id, { status: how.status });
    else await client.deleteMember(member.id);
    await queryClient.invalidateQueries({ queryKey: seatsKeys.all(scope) });
  });
  const isBusy = write.isPending;
  const [freed, setFreed] = useState<MemberRecord | null>(null);
  const error = write.error;
  const free = async (member: MemberRecord) => {
    if (isBusy || action === null) return;
    setFreed(null);
    try {
      await write.run(member, action);
    } catch {
      return; // The call keeps its error; the list stays for another try.
    }
    setFreed(member);
    const fresh = queryClient.getQueryData<Summary>(seatsKeys.summary(scope));
    if (fresh !== undefined) onFreed?.(fresh, member);
  };
  return {
    /** `null` until the members are loaded, or when no licence can be freed under the policy. */
    members:
      action === null || full === null || members.data === undefined
        ? null
        : members.data.items.filter((member) =>
            isFreeLicenceCandidate(full.policy, full.viewer.memberId, member),
          ),
    action,
    isBusy,
    /** The member whose licence was freed last. */
    freed,
    /** Why the last attempt failed; `null` when it did not. */
    problem:
      error === null
        ? null
        : error instanceof SeatsNetworkError
          ? ({ kind: 'network' } as const)
          : ({ kind: 'other', message: error.message } as const),
    free,
  };
}
