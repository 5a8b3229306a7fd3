import type { ConsumptionReason } from './consumes-licence';
import type { MemberFieldIssue } from './decide-member-change';
import type { PlanIssue } from './plan-allowance-change';

/** An English sentence for a plan issue, for logs and problem documents; the widgets carry their own catalog. */
export function explainPlanIssue(issue: Omit<PlanIssue, 'field'>): string {
  switch (issue.code) {
    case 'unknown-pool':
      return 'There is no such licence type.';
    case 'not-an-integer':
      return 'Enter a whole number of licences.';
    case 'zero':
      return 'Enter at least one licence to add or remove.';
    case 'no-change':
      return 'The new total is the same as the current one.';
    case 'below-assigned':
      return issue.floor === 'holders'
        ? `${issue.limit} licences are assigned to users; delete users or move them to another licence type before going below that.`
        : `${issue.limit} licences are assigned; remove or reassign users before going below that.`;
    case 'below-min':
      return `The allowance cannot go below ${issue.limit}.`;
    case 'above-max':
      return `The allowance cannot go above ${issue.limit}.`;
    case 'increase-not-allowed':
      return `Licences cannot be added here; please contact ${issue.contact}.`;
    case 'decrease-not-allowed':
      return `Licences cannot be removed here; please contact ${issue.contact}.`;
    case 'contracted-until':
      return issue.contact === undefined
        ? `These licences are contracted until ${issue.until?.slice(0, 10)} and can change at renewal.`
        : `These licences are contracted until ${issue.until?.slice(0, 10)}; please contact ${issue.contact} to change them.`;
    case 'not-restorable':
      return `At most ${issue.limit} licences are scheduled for removal and can be restored.`;
  }
}

/** An English sentence saying why a member does or does not count against the allowance. */
export function explainConsumption(reason: ConsumptionReason): string {
  switch (reason.kind) {
    case 'status-consumes':
      return `Counts because its status is ${reason.status}.`;
    case 'status-does-not-consume':
      return `Does not count because its status is ${reason.status}.`;
    case 'role-does-not-consume':
      return `Does not count because its role is ${reason.role}.`;
    case 'no-pool':
      return 'Does not count because no licence type is assigned.';
  }
}

/** An English sentence for a member field the policy does not know. */
export function explainMemberIssue(issue: MemberFieldIssue): string {
  if (issue.field === 'addOnIds') {
    return {
      'unknown-pool': `Add-on ${issue.poolId} is not one of this account's.`,
      'not-add-on': `${issue.poolId} is not an add-on.`,
      'duplicate-pool': `${issue.poolId} is held twice.`,
      'needs-base-pool': 'An add-on needs a licence to add on to.',
    }[issue.code];
  }
  if (issue.code === 'needs-base-pool') return 'An add-on needs a licence to add on to.';
  const what = {
    'unknown-status': "the policy's statuses",
    'unknown-role': "the policy's roles",
    'unknown-pool': "the account's licence types",
  }[issue.code];
  return `"${issue.value}" is not one of ${what} (${issue.allowed.join(', ')}).`;
}
