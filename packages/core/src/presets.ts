import { definePolicy, type SeatPolicy } from './policy';

/**
 * Admins add licences by typing how many MORE they need; the "Upgrade" control appears once the
 * limit is reached and only for roles with billing permission (hidden otherwise); a purchase is
 * charged at once in full; removing licences means contacting support (Dazos CRM).
 */
export const deltaUpgradeAtLimit: SeatPolicy = definePolicy({
  name: 'delta-upgrade-at-limit',
  statuses: ['active', 'inactive'],
  consumingStatuses: ['active'],
  roles: ['owner', 'billing-admin', 'admin', 'member'],
  changeInput: 'delta',
  decrease: { mode: 'refuse', contact: 'Support' },
  proration: { unit: 'none', rounding: 'half-up' },
  charge: 'now',
  confirmation: 'review',
  permissions: {
    viewLicences: ['owner', 'billing-admin', 'admin'],
    changeAllowance: ['owner', 'billing-admin'],
    manageMembers: ['owner', 'billing-admin', 'admin'],
    withoutPermission: 'hide',
  },
  offerChange: 'at-limit',
  atLimit: ['buy', 'ask-admin'],
  vocabulary: {
    messages: {
      adjustTrigger: 'Upgrade',
      adjustTitle: 'Upgrade: {pool}',
      inputLabel: 'Number of additional users',
      submitIncrease: 'Upgrade',
      guardTitle: 'You have reached your seat limit',
      remedyBuy: 'Upgrade',
    },
  },
});

/**
 * Active and Locked users consume a licence, Inactive, Room, Resource, Asset and Queue do not; the
 * admin enters a new total above today's and ticks the terms; decreases are refused with "contact
 * your Account Manager"; the next invoice changes; at zero available, adding or activating a user
 * offers to buy a licence, a non-consuming status, or freeing a licence (OpenCRM).
 */
export const totalWithTermsNoSelfDecrease: SeatPolicy = definePolicy({
  name: 'total-with-terms-no-self-decrease',
  statuses: ['Active', 'Locked', 'Inactive', 'Room', 'Resource', 'Asset', 'Queue'],
  consumingStatuses: ['Active', 'Locked'],
  roles: ['System Admin', 'Standard User'],
  changeInput: 'total',
  decrease: { mode: 'refuse', contact: 'your Account Manager' },
  proration: { unit: 'none', rounding: 'half-up' },
  charge: 'next-invoice',
  confirmation: 'terms',
  permissions: {
    viewLicences: ['System Admin'],
    changeAllowance: ['System Admin'],
    manageMembers: ['System Admin'],
    withoutPermission: 'hide',
  },
  // "New User" at 0 available warns and lets the admin go on; saving an Active user then offers
  // to increase the licences.
  atLimit: ['continue', 'buy', 'use-non-consuming', 'free-licence'],
  vocabulary: {
    messages: {
      meterLabel: 'User Allowance',
      usage: 'Number of Active Users: {used} · Maximum Active Users: {purchased}',
      available: 'Number of Licences Available: {count}',
      adjustTrigger: 'Adjust User Allowance',
      adjustTitle: 'Adjust User Allowance',
      inputLabel: 'Number of user licences',
      submitIncrease: 'Save',
      termsLabel: 'I have read the Terms and Conditions',
      guardTitle: 'You have no available licences',
      remedyBuy: 'Increase the number of user licences',
      guardContinue: 'Continue creating the user',
    },
  },
});

/**
 * Licences bought mid-cycle are prorated in whole days, as the dialog says ("25 of 31 days"): the
 * day of the purchase is charged whole, with every day left to the cycle's end; removals are
 * scheduled for the end of the billing cycle and can be restored at no charge until then; accounts
 * on a contracted (invoiced) plan cannot remove licences themselves; users can only be created up
 * to the licences available (Dialpad).
 */
export const scheduledRemovalWithRestore: SeatPolicy = definePolicy({
  name: 'scheduled-removal-with-restore',
  statuses: ['active', 'suspended'],
  consumingStatuses: ['active', 'suspended'],
  roles: ['company-admin', 'office-admin', 'user'],
  changeInput: 'delta',
  decrease: { mode: 'period-end', restorable: true },
  contractLocksDecrease: 'all-pools',
  contractContact: 'your Customer Success Manager',
  proration: { unit: 'day', rounding: 'half-up' },
  charge: 'now',
  confirmation: 'review',
  permissions: {
    viewLicences: ['company-admin', 'office-admin'],
    changeAllowance: ['company-admin', 'office-admin'],
    manageMembers: ['company-admin', 'office-admin'],
    withoutPermission: 'explain',
  },
  atLimit: ['buy', 'ask-admin'],
  vocabulary: {
    messages: {
      adjustTrigger: 'Manage Licenses',
      adjustTitle: 'Manage Licenses: {pool}',
      directionAdd: 'Add Licenses',
      directionRemove: 'Remove Licenses',
      submitIncrease: 'Confirm Purchase',
      submitDecrease: 'Remove Licenses',
      submitRestore: 'Confirm Purchase',
      remedyBuy: 'Purchase Licenses',
    },
  },
});

/**
 * Dialpad's plans on which licences cannot be bought in the Admin Portal: "If you do not see this
 * option, please contact your Customer Success Manager"; removals are scheduled and restorable as
 * on the other plans.
 */
export const scheduledRemovalNoPortalPurchase: SeatPolicy = definePolicy({
  ...scheduledRemovalWithRestore,
  name: 'scheduled-removal-no-portal-purchase',
  increase: { mode: 'refuse', contact: 'your Customer Success Manager' },
  atLimit: ['ask-admin'],
});

/**
 * The owner sets the new total with a stepper or by typing, sees the price change, and confirms
 * with the password; billed per day pro rata over the main contract's term; named licences bound
 * to rights groups, where a guest consumes none (factro).
 */
export const dailyProratedWithPassword: SeatPolicy = definePolicy({
  name: 'daily-prorated-with-password',
  statuses: ['active', 'deactivated'],
  consumingStatuses: ['active'],
  roles: ['owner', 'admin', 'employee', 'guest'],
  nonConsumingRoles: ['guest'],
  changeInput: 'total',
  decrease: { mode: 'refuse', contact: 'customer support' },
  proration: { unit: 'day', rounding: 'half-up', over: 'contract-term' },
  charge: 'now',
  confirmation: 'password',
  permissions: {
    viewLicences: ['owner', 'admin'],
    changeAllowance: ['owner'],
    manageMembers: ['owner', 'admin'],
    withoutPermission: 'explain',
  },
  atLimit: ['buy', 'use-non-consuming', 'free-licence', 'ask-admin'],
  vocabulary: {
    locale: 'de',
    messages: {
      adjustTrigger: 'Nutzeranzahl ändern',
      adjustTitle: 'Nutzeranzahl ändern: {pool}',
      inputLabel: 'Neue Gesamtzahl lizenzierter Nutzer',
      submitIncrease: 'Bestätigen',
    },
  },
});

/**
 * Several licence types (contracted, monthly, daily) each with its own bar and a storage allowance
 * per licence; a purchase waits for an e-signature; only non-contracted licences can be deleted,
 * at once and never below those assigned; contracted ones change at renewal; only owner/manager
 * and financial office staff see licences (Commusoft).
 */
export const signedContractLicenceTypes: SeatPolicy = definePolicy({
  name: 'signed-contract-licence-types',
  statuses: ['active', 'inactive'],
  consumingStatuses: ['active'],
  roles: ['owner-manager', 'financial-office', 'office-staff', 'engineer'],
  changeInput: 'delta',
  decrease: { mode: 'immediate' },
  contractLocksDecrease: 'contracted-pools',
  removalFloor: 'holders',
  atRenewal: 'decrease',
  proration: { unit: 'day', rounding: 'half-up' },
  charge: 'now',
  confirmation: 'e-signature',
  permissions: {
    viewLicences: ['owner-manager', 'financial-office'],
    changeAllowance: ['owner-manager', 'financial-office'],
    manageMembers: ['owner-manager', 'office-staff'],
    withoutPermission: 'hide',
  },
  atLimit: ['buy', 'free-licence', 'ask-admin'],
  vocabulary: {
    messages: {
      adjustTrigger: 'Purchase new {term} licenses',
      adjustTitle: '{pool}',
      directionAdd: 'Purchase new licenses',
      directionRemove: 'Delete licenses',
      submitIncrease: 'Save',
      submitDecrease: 'Delete license(s)',
    },
  },
});

/** Every preset by name. */
export const presets = {
  'delta-upgrade-at-limit': deltaUpgradeAtLimit,
  'total-with-terms-no-self-decrease': totalWithTermsNoSelfDecrease,
  'scheduled-removal-with-restore': scheduledRemovalWithRestore,
  'scheduled-removal-no-portal-purchase': scheduledRemovalNoPortalPurchase,
  'daily-prorated-with-password': dailyProratedWithPassword,
  'signed-contract-licence-types': signedContractLicenceTypes,
} as const satisfies Record<string, SeatPolicy>;

export type PresetName = keyof typeof presets;
