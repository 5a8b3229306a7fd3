import { type Account, type Pool, type PresetName, presets, type SeatPolicy } from '@seats/core';
import type { MemberInput } from '@seats/core/contract';
import { createSeatsAdmin, type SeatsAdmin } from './create-seats-admin';
import { SeatsAdminError } from './seats-admin-error';
import type { SeatsStore } from './seats-store';

/**
 * A demo account: one per preset of `@seats/core`, its id the preset's name, and variants of a
 * preset on another plan (Dialpad's contracted, invoiced plan).
 */
export interface DemoAccount {
  id: string;
  /** The preset whose policy the account follows. */
  preset: PresetName;
  name: string;
  policy: SeatPolicy;
  /** A role that may change the allowance (the account's admin). */
  adminRole: string;
  /** A role that may do neither (a plain user). */
  memberRole: string;
  pools: Pool[];
  members: number;
}

type MemberSeed = [
  count: number,
  status: string,
  role: string,
  poolId: string | null,
  addOnIds?: string[],
];

interface DemoSpec {
  id: string;
  /** @default the id */
  preset?: PresetName;
  name: string;
  plan: string;
  currency: string;
  /**
   * `two-years`: a contract from a year ago to a year ahead, paid each period (Commusoft);
   * `annual-upfront`: a main contract for the calendar year, paid in advance (factro).
   */
  contract: 'none' | 'two-years' | 'annual-upfront';
  storageUsedBytes?: number;
  pools: Pool[];
  members: MemberSeed[];
  memberRole: string;
}

const gigabyte = 1_000_000_000;

const pool = (
  id: string,
  name: string,
  term: Pool['term'],
  purchased: number,
  unitPrice: number,
  extra: Partial<Pool> = {},
): Pool => ({
  id,
  name,
  term,
  purchased,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice,
  ...extra,
});

// Each account starts where its article starts: Dazos at its limit (so "Upgrade" shows), OpenCRM
// with Locked users and non-consuming statuses, Dialpad with an add-on (and on its contracted
// plan, and on a plan that buys through its Customer Success Manager), factro with guests,
// Commusoft with three licence types, a contract and storage.
const specs: DemoSpec[] = [
  {
    id: 'delta-upgrade-at-limit',
    name: 'Dazos CRM demo',
    plan: 'CRM Professional',
    currency: 'USD',
    contract: 'none',
    pools: [pool('users', 'User licences', 'monthly', 10, 4_900)],
    members: [
      [1, 'active', 'owner', 'users'],
      [1, 'active', 'billing-admin', 'users'],
      [2, 'active', 'admin', 'users'],
      [6, 'active', 'member', 'users'],
      [2, 'inactive', 'member', 'users'],
    ],
    memberRole: 'member',
  },
  {
    id: 'total-with-terms-no-self-decrease',
    name: 'OpenCRM demo',
    plan: 'OpenCRM Business',
    currency: 'GBP',
    contract: 'none',
    pools: [pool('users', 'User licences', 'monthly', 12, 2_500)],
    members: [
      [2, 'Active', 'System Admin', 'users'],
      [6, 'Active', 'Standard User', 'users'],
      [1, 'Locked', 'Standard User', 'users'],
      [2, 'Inactive', 'Standard User', 'users'],
      [1, 'Room', 'Standard User', 'users'],
      [1, 'Queue', 'Standard User', 'users'],
    ],
    memberRole: 'Standard User',
  },
  {
    id: 'scheduled-removal-with-restore',
    name: 'Dialpad demo',
    plan: 'Dialpad Standard',
    currency: 'USD',
    contract: 'none',
    pools: [
      pool('standard', 'Dialpad licences', 'monthly', 20, 2_700),
      pool('contact-center', 'Contact Center add-on', 'add-on', 5, 8_000),
    ],
    members: [
      [1, 'active', 'company-admin', 'standard'],
      [2, 'active', 'office-admin', 'standard'],
      [9, 'active', 'user', 'standard'],
      [1, 'suspended', 'user', 'standard'],
      // Contact Center agents: a Dialpad licence and the add-on.
      [2, 'active', 'user', 'standard', ['contact-center']],
    ],
    memberRole: 'user',
  },
  {
    id: 'scheduled-removal-with-restore-invoiced',
    preset: 'scheduled-removal-with-restore',
    name: 'Dialpad invoiced demo',
    plan: 'Dialpad Pro (contracted, invoiced)',
    currency: 'USD',
    contract: 'two-years',
    pools: [pool('standard', 'Dialpad licences', 'monthly', 30, 2_300)],
    members: [
      [1, 'active', 'company-admin', 'standard'],
      [2, 'active', 'office-admin', 'standard'],
      [22, 'active', 'user', 'standard'],
    ],
    memberRole: 'user',
  },
  {
    id: 'scheduled-removal-no-portal-purchase',
    name: 'Dialpad managed demo',
    plan: 'Dialpad Enterprise',
    currency: 'USD',
    contract: 'none',
    pools: [pool('standard', 'Dialpad licences', 'monthly', 15, 2_700)],
    members: [
      [1, 'active', 'company-admin', 'standard'],
      [1, 'active', 'office-admin', 'standard'],
      [10, 'active', 'user', 'standard'],
    ],
    memberRole: 'user',
  },
  {
    id: 'daily-prorated-with-password',
    name: 'factro demo',
    plan: 'factro Business',
    currency: 'EUR',
    contract: 'annual-upfront',
    pools: [pool('named', 'Named licences', 'contracted', 10, 1_290)],
    members: [
      [1, 'active', 'owner', 'named'],
      [1, 'active', 'admin', 'named'],
      [5, 'active', 'employee', 'named'],
      [3, 'active', 'guest', 'named'],
      [1, 'deactivated', 'employee', 'named'],
    ],
    memberRole: 'employee',
  },
  {
    id: 'signed-contract-licence-types',
    name: 'Commusoft demo',
    plan: 'Customer Journey Plan',
    currency: 'GBP',
    contract: 'two-years',
    storageUsedBytes: 212 * gigabyte,
    pools: [
      pool('contracted', 'Contracted licences', 'contracted', 10, 6_500, {
        storagePerLicenceBytes: 20 * gigabyte,
      }),
      pool('monthly', 'Monthly licences', 'monthly', 4, 7_900, {
        storagePerLicenceBytes: 20 * gigabyte,
      }),
      pool('daily', 'Daily licences', 'daily', 2, 450),
    ],
    members: [
      [1, 'active', 'owner-manager', 'contracted'],
      [1, 'active', 'financial-office', 'contracted'],
      [2, 'active', 'office-staff', 'contracted'],
      [5, 'active', 'engineer', 'contracted'],
      [3, 'active', 'engineer', 'monthly'],
      [1, 'active', 'engineer', 'daily'],
      [2, 'inactive', 'engineer', 'contracted'],
    ],
    memberRole: 'engineer',
  },
];

const firstNames = [
  'Ada',
  'Ben',
  'Chloe',
  'Dev',
  'Elif',
  'Femi',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Lars',
  'Mia',
  'Noor',
  'Omar',
  'Pia',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
];

function monthStart(now: Date, offset: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
}

function presetOf(spec: DemoSpec): PresetName {
  return spec.preset ?? (spec.id as PresetName);
}

/** The demo accounts without touching a store: what `seedDemoAccounts` creates. */
export function demoAccounts(): DemoAccount[] {
  return specs.map((spec) => {
    const preset = presetOf(spec);
    const policy = presets[preset];
    return {
      id: spec.id,
      preset,
      name: spec.name,
      policy,
      adminRole: policy.permissions.changeAllowance[0] as string,
      memberRole: spec.memberRole,
      pools: spec.pools,
      members: spec.members.reduce((total, [count]) => total + count, 0),
    };
  });
}

function contractOf(kind: DemoSpec['contract'], now: Date): Account['contract'] {
  if (kind === 'none') return { kind: 'self-serve' };
  if (kind === 'two-years') {
    return {
      kind: 'contracted',
      start: monthStart(now, -12).toISOString(),
      end: monthStart(now, 12).toISOString(),
    };
  }
  const year = now.getUTCFullYear();
  return {
    kind: 'contracted',
    start: new Date(Date.UTC(year, 0, 1)).toISOString(),
    end: new Date(Date.UTC(year + 1, 0, 1)).toISOString(),
    payment: 'upfront',
    renewal: { mode: 'renew', months: 12 },
  };
}

/**
 * Creates one demo account per preset of `@seats/core`, with licence pools and members, unless it
 * already exists; the billing period is the calendar month of `now`. Goes through the admin API
 * (`createSeatsAdmin`), as a host provisions its own accounts; pass the admin or the store.
 */
export async function seedDemoAccounts(
  target: SeatsStore | SeatsAdmin,
  options: { now?: Date } = {},
): Promise<DemoAccount[]> {
  const now = options.now ?? new Date();
  const admin =
    'reconcile' in target ? target : createSeatsAdmin({ store: target, clock: () => now });
  for (const spec of specs) {
    const members: MemberInput[] = [];
    for (const [count, status, role, poolId, addOnIds] of spec.members) {
      for (let index = 0; index < count; index++) {
        const number = members.length + 1;
        const first = firstNames[(number - 1) % firstNames.length] as string;
        members.push({
          id: `${spec.id}-user-${number}`,
          name: `${first} ${spec.name.split(' ')[0]}`,
          email: `${first.toLowerCase()}.${number}@${spec.id}.example`,
          status,
          role,
          poolId,
          ...(addOnIds === undefined ? {} : { addOnIds }),
        });
      }
    }
    try {
      await admin.createAccount({
        id: spec.id,
        name: spec.name,
        plan: spec.plan,
        currency: spec.currency,
        billingPeriod: {
          start: monthStart(now, 0).toISOString(),
          end: monthStart(now, 1).toISOString(),
        },
        contract: contractOf(spec.contract, now),
        policy: presetOf(spec),
        ...(spec.storageUsedBytes === undefined ? {} : { storageUsedBytes: spec.storageUsedBytes }),
        pools: spec.pools.map(({ scheduledRemoval: _, pendingSignature: __, ...pool }) => pool),
        members,
      });
    } catch (error) {
      if (!(error instanceof SeatsAdminError && error.code === 'account_exists')) throw error;
    }
  }
  return demoAccounts();
}
