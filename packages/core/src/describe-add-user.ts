import { decideMemberChange, type Remedy } from './decide-member-change';
import type { AccountUsage } from './describe-usage';
import type { MemberAssignment, PoolTerm } from './domain';
import type { SeatPolicy } from './policy';

/**
 * Whether a new member can be added now, as far as a viewer who may not see licences is told:
 * no counts, prices or dates, only the outcome and the remedies the viewer may use.
 */
export type AddUserAvailability =
  | { outcome: 'allowed' }
  | { outcome: 'forbidden' }
  | {
      outcome: 'needs-licence';
      /** Only `use-non-consuming` and `ask-admin`: buying or freeing a licence needs them in view. */
      remedies: Remedy[];
    };

/**
 * The member "Add user" creates when the host does not say: the policy's first consuming status,
 * its last consuming role and the first licence type that is not an add-on (an add-on needs a
 * licence to add on to).
 */
export function defaultNewMember(
  policy: SeatPolicy,
  pools: readonly { id: string; term?: PoolTerm }[],
): MemberAssignment {
  const roles = policy.roles.filter((role) => !policy.nonConsumingRoles.includes(role));
  return {
    status: policy.consumingStatuses[0] ?? policy.statuses[0] ?? '',
    role: roles[roles.length - 1] ?? policy.roles[0] ?? '',
    poolId: pools.find((pool) => pool.term !== 'add-on')?.id ?? null,
  };
}

export interface DescribeAddUserInput {
  policy: SeatPolicy;
  usage: AccountUsage;
  /** @default `defaultNewMember` of the usage's licence types */
  member?: MemberAssignment;
}

/** `decideMemberChange` for a new member, reduced to what a viewer without `viewLicences` may read. */
export function describeAddUser({
  policy,
  usage,
  member,
}: DescribeAddUserInput): AddUserAvailability {
  // What the guard asks as a new member's form opens; its save is checked again.
  const decision = decideMemberChange({
    policy,
    usage,
    stage: 'open',
    before: null,
    after:
      member ??
      defaultNewMember(
        policy,
        usage.pools.map((pool) => ({ id: pool.poolId, term: pool.term })),
      ),
  });
  switch (decision.outcome) {
    case 'forbidden':
      return { outcome: 'forbidden' };
    case 'needs-licence':
      // Buying and choosing whose licence to free need the licences in view.
      return {
        outcome: 'needs-licence',
        remedies: decision.remedies.filter(
          (remedy) =>
            remedy.kind === 'use-non-consuming' ||
            remedy.kind === 'ask-admin' ||
            remedy.kind === 'continue',
        ),
      };
    default:
      // An invalid member is the host's to report when it creates one.
      return { outcome: 'allowed' };
  }
}

/**
 * `describeAddUser`'s answer, which holds as a new member's form opens, for a check at `stage`:
 * on saving, the `continue` remedy is not offered, as the save is the check it defers to.
 */
export function addUserAvailabilityAt(
  availability: AddUserAvailability,
  stage: 'open' | 'save',
): AddUserAvailability {
  if (stage === 'open' || availability.outcome !== 'needs-licence') return availability;
  return {
    ...availability,
    remedies: availability.remedies.filter((remedy) => remedy.kind !== 'continue'),
  };
}
