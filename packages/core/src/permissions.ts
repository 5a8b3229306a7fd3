import type { SeatPolicy } from './policy';

export interface ViewerPermissions {
  role: string;
  viewLicences: boolean;
  changeAllowance: boolean;
  manageMembers: boolean;
}

/** What a role may do under a policy. */
export function resolvePermissions(policy: SeatPolicy, role: string): ViewerPermissions {
  return {
    role,
    viewLicences:
      policy.permissions.viewLicences.includes(role) ||
      policy.permissions.changeAllowance.includes(role),
    changeAllowance: policy.permissions.changeAllowance.includes(role),
    manageMembers: policy.permissions.manageMembers.includes(role),
  };
}
