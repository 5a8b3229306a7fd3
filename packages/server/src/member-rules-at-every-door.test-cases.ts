import { deltaUpgradeAtLimit, type PresetName } from '@seats/core';
import type {
  CreateAccountRequest,
  ErrorCode,
  MemberInput,
  UpdateAccountRequest,
  UpdatePoolRequest,
} from '@seats/core/contract';

/**
 * A request to the widgets' API (`createSeatsHandler`, and the same through `createSeatsMsw`), as
 * a demo caller of the case's account with `role` (default: the account's first role that may
 * change licences).
 */
export interface WidgetIntent {
  door: 'widget';
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  role?: string;
}

/** A call of the admin API (`createSeatsAdmin` in process, and over `createSeatsAdminHandler`). */
export type AdminIntent =
  | { door: 'admin'; op: 'upsertMember'; input: MemberInput }
  /** With `missing: 'keep'`: only the users listed are touched. */
  | { door: 'admin'; op: 'reconcile'; users: MemberInput[] }
  | { door: 'admin'; op: 'createAccount'; input: CreateAccountRequest }
  | { door: 'admin'; op: 'updateAccount'; patch: UpdateAccountRequest }
  | { door: 'admin'; op: 'setPurchased'; poolId: string; purchased: number }
  | { door: 'admin'; op: 'updatePool'; poolId: string; patch: UpdatePoolRequest };

/** How every door refuses: the problem's status and `code` over HTTP, and core's rule and field. */
export interface Refusal {
  status: number;
  code: ErrorCode;
  /** Core's code for the rule (a member issue or a plan issue), where the refusal names one. */
  rule?: string;
  /** The field the rule names, without a list's `users.3.` prefix. */
  field?: string;
}

/** A door that has no say over the rule, and why. */
export interface NotApplicable {
  notApplicable: string;
}

export interface RuleCase {
  /** The rule, as core states it. */
  rule: string;
  /** What is tried and refused. */
  intent: string;
  /** The demo account (`seedDemoAccounts`) the intent is tried on. */
  account: PresetName | 'scheduled-removal-with-restore-invoiced';
  /** Widget requests made first, in every world alike; the world is seeded again after. */
  arrange?: WidgetIntent[];
  refusal: Refusal;
  widget: WidgetIntent[] | NotApplicable;
  admin: AdminIntent[] | NotApplicable;
}

const dialpad = 'scheduled-removal-with-restore';
const dazos = 'delta-upgrade-at-limit';
const commusoft = 'signed-contract-licence-types';

/** Dialpad's demo users: 4 to 12 plain users, 14 and 15 Contact Center agents. */
const dialpadUser = (number: number, first: string) => ({
  id: `${dialpad}-user-${number}`,
  name: `${first} Dialpad`,
  email: `${first.toLowerCase()}.${number}@${dialpad}.example`,
});
const newAgent = { name: 'Nina Agent', email: 'nina@agents.example' };

const hostIsTheAccount =
  'The admin API is the host acting for the account, with every permission; the host checks its own users’ rights before it calls.';
const salesDeal =
  'setPurchased records what the vendor sold or took back (a renegotiated contract, a deal through the account manager): the policy’s self-serve limits bind the account’s own users, not the vendor.';
const widgetsKeepPolicy = 'The widgets never change the policy; only the host’s admin API does.';
const widgetsKeepPools = 'The widgets never change a licence type; only the host’s admin API does.';

/** Every member and licence rule of `@seats/core`, tried at every door that can break it. */
export const ruleCases: RuleCase[] = [
  {
    rule: 'An add-on needs a base licence',
    intent: 'give a new member the Contact Center add-on as its only licence',
    account: dialpad,
    refusal: { status: 400, code: 'validation_failed', rule: 'needs-base-pool', field: 'poolId' },
    widget: [
      {
        door: 'widget',
        method: 'POST',
        path: '/members',
        body: { ...newAgent, status: 'active', role: 'user', poolId: 'contact-center' },
      },
    ],
    admin: [
      {
        door: 'admin',
        op: 'upsertMember',
        input: {
          id: 'agent-1',
          ...newAgent,
          status: 'active',
          role: 'user',
          poolId: 'contact-center',
        },
      },
      {
        door: 'admin',
        op: 'reconcile',
        users: [
          { id: 'agent-1', ...newAgent, status: 'active', role: 'user', poolId: 'contact-center' },
        ],
      },
      {
        door: 'admin',
        op: 'createAccount',
        input: {
          id: 'doors-new-account',
          name: 'New Dialpad customer',
          plan: 'Dialpad Standard',
          currency: 'USD',
          billingPeriod: { start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' },
          contract: { kind: 'self-serve' },
          policy: dialpad,
          pools: [
            {
              id: 'standard',
              name: 'Dialpad licences',
              term: 'monthly',
              purchased: 5,
              unitPrice: 2_700,
            },
            {
              id: 'contact-center',
              name: 'Contact Center',
              term: 'add-on',
              purchased: 5,
              unitPrice: 8_000,
            },
          ],
          members: [
            {
              id: 'agent-1',
              ...newAgent,
              status: 'active',
              role: 'user',
              poolId: 'contact-center',
            },
          ],
        },
      },
    ],
  },
  {
    rule: 'An add-on needs a base licence',
    intent: 'move a user off its licence onto the add-on alone',
    account: dialpad,
    refusal: { status: 400, code: 'validation_failed', rule: 'needs-base-pool', field: 'poolId' },
    widget: [
      {
        door: 'widget',
        method: 'PATCH',
        path: `/members/${dialpad}-user-4`,
        body: { poolId: 'contact-center' },
      },
    ],
    admin: [
      {
        door: 'admin',
        op: 'upsertMember',
        input: {
          ...dialpadUser(4, 'Dev'),
          status: 'active',
          role: 'user',
          poolId: 'contact-center',
        },
      },
      {
        door: 'admin',
        op: 'reconcile',
        users: [
          { ...dialpadUser(4, 'Dev'), status: 'active', role: 'user', poolId: 'contact-center' },
        ],
      },
    ],
  },
  {
    rule: 'An add-on needs a base licence',
    intent: 'give a new member the add-on beside no licence',
    account: dialpad,
    refusal: { status: 400, code: 'validation_failed', rule: 'needs-base-pool', field: 'addOnIds' },
    widget: [
      {
        door: 'widget',
        method: 'POST',
        path: '/members',
        body: {
          ...newAgent,
          status: 'active',
          role: 'user',
          poolId: null,
          addOnIds: ['contact-center'],
        },
      },
    ],
    admin: [
      {
        door: 'admin',
        op: 'upsertMember',
        input: {
          id: 'agent-1',
          ...newAgent,
          status: 'active',
          role: 'user',
          poolId: null,
          addOnIds: ['contact-center'],
        },
      },
      {
        door: 'admin',
        op: 'reconcile',
        users: [
          {
            id: 'agent-1',
            ...newAgent,
            status: 'active',
            role: 'user',
            poolId: null,
            addOnIds: ['contact-center'],
          },
        ],
      },
    ],
  },
  {
    rule: 'An add-on needs a base licence',
    intent: 'take a Contact Center agent’s base licence and leave the add-on',
    account: dialpad,
    refusal: { status: 400, code: 'validation_failed', rule: 'needs-base-pool', field: 'addOnIds' },
    widget: [
      {
        door: 'widget',
        method: 'PATCH',
        path: `/members/${dialpad}-user-14`,
        body: { poolId: null },
      },
    ],
    admin: [
      {
        door: 'admin',
        op: 'upsertMember',
        input: { ...dialpadUser(14, 'Noor'), status: 'active', role: 'user', poolId: null },
      },
      {
        door: 'admin',
        op: 'reconcile',
        users: [{ ...dialpadUser(14, 'Noor'), status: 'active', role: 'user', poolId: null }],
      },
    ],
  },
  {
    rule: 'An add-on needs a base licence',
    intent: 'turn the licence type members hold as their base licence into an add-on',
    account: dialpad,
    refusal: { status: 400, code: 'validation_failed', rule: 'needs-base-pool', field: 'term' },
    widget: { notApplicable: widgetsKeepPools },
    admin: [{ door: 'admin', op: 'updatePool', poolId: 'standard', patch: { term: 'add-on' } }],
  },
  {
    rule: 'Only an add-on licence type is held as an add-on',
    intent: 'hold a base licence type as an add-on',
    account: commusoft,
    refusal: { status: 400, code: 'validation_failed', rule: 'not-add-on', field: 'addOnIds' },
    widget: [
      {
        door: 'widget',
        method: 'PATCH',
        path: `/members/${commusoft}-user-10`,
        body: { addOnIds: ['daily'] },
      },
    ],
    admin: [
      {
        door: 'admin',
        op: 'upsertMember',
        input: {
          id: `${commusoft}-user-10`,
          name: 'Jonas Commusoft',
          email: `jonas.10@${commusoft}.example`,
          status: 'active',
          role: 'engineer',
          poolId: 'monthly',
          addOnIds: ['daily'],
        },
      },
    ],
  },
  {
    rule: 'Only an add-on licence type is held as an add-on',
    intent: 'turn the add-on agents hold into a base licence type',
    account: dialpad,
    refusal: { status: 400, code: 'validation_failed', rule: 'not-add-on', field: 'term' },
    widget: { notApplicable: widgetsKeepPools },
    admin: [
      { door: 'admin', op: 'updatePool', poolId: 'contact-center', patch: { term: 'monthly' } },
    ],
  },
  {
    rule: 'An add-on is held once',
    intent: 'hold the Contact Center add-on twice',
    account: dialpad,
    refusal: { status: 400, code: 'validation_failed', rule: 'duplicate-pool', field: 'addOnIds' },
    widget: [
      {
        door: 'widget',
        method: 'PATCH',
        path: `/members/${dialpad}-user-4`,
        body: { addOnIds: ['contact-center', 'contact-center'] },
      },
    ],
    admin: [
      {
        door: 'admin',
        op: 'upsertMember',
        input: {
          ...dialpadUser(4, 'Dev'),
          status: 'active',
          role: 'user',
          poolId: 'standard',
          addOnIds: ['contact-center', 'contact-center'],
        },
      },
    ],
  },
  {
    rule: 'A member’s status is one of the policy’s',
    intent: 'add a member with a status the policy lacks',
    account: dazos,
    refusal: { status: 400, code: 'validation_failed', rule: 'unknown-status', field: 'status' },
    widget: [
      {
        door: 'widget',
        method: 'POST',
        path: '/members',
        body: {
          name: 'Sam Sleeper',
          email: 'sam@doors.example',
          status: 'sleeping',
          role: 'member',
        },
      },
    ],
    admin: [
      {
        door: 'admin',
        op: 'upsertMember',
        input: {
          id: 'sam',
          name: 'Sam Sleeper',
          email: 'sam@doors.example',
          status: 'sleeping',
          role: 'member',
        },
      },
      {
        door: 'admin',
        op: 'reconcile',
        users: [
          {
            id: 'sam',
            name: 'Sam Sleeper',
            email: 'sam@doors.example',
            status: 'sleeping',
            role: 'member',
          },
        ],
      },
    ],
  },
  {
    rule: 'A member’s role is one of the policy’s',
    intent: 'give a member a role the policy lacks',
    account: dazos,
    refusal: { status: 400, code: 'validation_failed', rule: 'unknown-role', field: 'role' },
    widget: [
      {
        door: 'widget',
        method: 'PATCH',
        path: `/members/${dazos}-user-11`,
        body: { role: 'wizard' },
      },
    ],
    admin: [
      {
        door: 'admin',
        op: 'upsertMember',
        input: {
          id: `${dazos}-user-11`,
          name: 'Kemi Dazos',
          email: `kemi.11@${dazos}.example`,
          status: 'inactive',
          role: 'wizard',
        },
      },
      {
        door: 'admin',
        op: 'reconcile',
        users: [
          {
            id: `${dazos}-user-11`,
            name: 'Kemi Dazos',
            email: `kemi.11@${dazos}.example`,
            status: 'inactive',
            role: 'wizard',
          },
        ],
      },
    ],
  },
  {
    rule: 'A member’s role is one of the policy’s',
    intent: 'drop from the policy a role members have',
    account: dazos,
    refusal: {
      status: 400,
      code: 'validation_failed',
      rule: 'unknown-role',
      field: 'policy.roles',
    },
    widget: { notApplicable: widgetsKeepPolicy },
    admin: [
      {
        door: 'admin',
        op: 'updateAccount',
        patch: { policy: { ...deltaUpgradeAtLimit, roles: ['owner', 'billing-admin', 'admin'] } },
      },
    ],
  },
  {
    rule: 'A member’s licence type is one of the account’s',
    intent: 'add a member on a licence type the account lacks',
    account: dazos,
    refusal: { status: 400, code: 'validation_failed', rule: 'unknown-pool', field: 'poolId' },
    widget: [
      {
        door: 'widget',
        method: 'POST',
        path: '/members',
        body: {
          name: 'Gus Ghost',
          email: 'gus@doors.example',
          status: 'inactive',
          role: 'member',
          poolId: 'ghost',
        },
      },
    ],
    admin: [
      {
        door: 'admin',
        op: 'upsertMember',
        input: {
          id: 'gus',
          name: 'Gus Ghost',
          email: 'gus@doors.example',
          status: 'inactive',
          role: 'member',
          poolId: 'ghost',
        },
      },
      {
        door: 'admin',
        op: 'reconcile',
        users: [
          {
            id: 'gus',
            name: 'Gus Ghost',
            email: 'gus@doors.example',
            status: 'inactive',
            role: 'member',
            poolId: 'ghost',
          },
        ],
      },
    ],
  },
  {
    rule: 'No member consumes a licence past those purchased',
    intent: 'add an active member when every licence is in use',
    account: dazos,
    refusal: { status: 409, code: 'no_licence_available' },
    widget: [
      {
        door: 'widget',
        method: 'POST',
        path: '/members',
        body: { name: 'Lou Late', email: 'lou@doors.example', status: 'active', role: 'member' },
      },
    ],
    admin: [
      {
        door: 'admin',
        op: 'upsertMember',
        input: {
          id: 'lou',
          name: 'Lou Late',
          email: 'lou@doors.example',
          status: 'active',
          role: 'member',
        },
      },
      {
        door: 'admin',
        op: 'reconcile',
        users: [
          {
            id: 'lou',
            name: 'Lou Late',
            email: 'lou@doors.example',
            status: 'active',
            role: 'member',
          },
        ],
      },
    ],
  },
  {
    rule: 'A member in a consuming status holds a licence',
    intent: 'activate an inactive member when every licence is in use (claim)',
    account: dazos,
    refusal: { status: 409, code: 'no_licence_available' },
    widget: [
      {
        door: 'widget',
        method: 'PATCH',
        path: `/members/${dazos}-user-11`,
        body: { status: 'active' },
      },
    ],
    admin: [
      {
        door: 'admin',
        op: 'upsertMember',
        input: {
          id: `${dazos}-user-11`,
          name: 'Kemi Dazos',
          email: `kemi.11@${dazos}.example`,
          status: 'active',
          role: 'member',
        },
      },
      {
        door: 'admin',
        op: 'reconcile',
        users: [
          {
            id: `${dazos}-user-11`,
            name: 'Kemi Dazos',
            email: `kemi.11@${dazos}.example`,
            status: 'active',
            role: 'member',
          },
        ],
      },
    ],
  },
  {
    rule: 'Only roles that manage members add, change or remove them',
    intent: 'let a plain member add, change and delete users',
    account: dazos,
    refusal: { status: 403, code: 'forbidden' },
    widget: [
      {
        door: 'widget',
        method: 'POST',
        path: '/members',
        body: {
          name: 'Ivy Inactive',
          email: 'ivy@doors.example',
          status: 'inactive',
          role: 'member',
        },
        role: 'member',
      },
      {
        door: 'widget',
        method: 'PATCH',
        path: `/members/${dazos}-user-6`,
        body: { status: 'inactive' },
        role: 'member',
      },
      { door: 'widget', method: 'DELETE', path: `/members/${dazos}-user-6`, role: 'member' },
    ],
    admin: { notApplicable: hostIsTheAccount },
  },
  {
    rule: 'Only roles that view licences or manage members list members',
    intent: 'let a plain member list the users',
    account: dazos,
    refusal: { status: 403, code: 'forbidden' },
    widget: [{ door: 'widget', method: 'GET', path: '/members', role: 'member' }],
    admin: { notApplicable: hostIsTheAccount },
  },
  {
    rule: 'Only roles that change licences change them',
    intent: 'let an admin who manages users but not licences ask for a purchase',
    account: dazos,
    refusal: { status: 403, code: 'forbidden' },
    widget: [
      {
        door: 'widget',
        method: 'POST',
        path: '/quotes',
        body: { poolId: 'users', delta: 1 },
        role: 'admin',
      },
    ],
    admin: { notApplicable: hostIsTheAccount },
  },
  {
    rule: 'A contracted licence type is not reduced before the contract ends',
    intent: 'remove a contracted licence mid-contract',
    account: commusoft,
    refusal: { status: 422, code: 'plan_invalid', rule: 'contracted-until' },
    widget: [
      {
        door: 'widget',
        method: 'POST',
        path: '/quotes',
        body: { poolId: 'contracted', delta: -1 },
      },
    ],
    admin: { notApplicable: salesDeal },
  },
  {
    rule: 'A contracted account’s licences are not reduced before the contract ends',
    intent: 'remove a licence on Dialpad’s contracted, invoiced plan',
    account: 'scheduled-removal-with-restore-invoiced',
    refusal: { status: 422, code: 'plan_invalid', rule: 'contracted-until' },
    widget: [
      { door: 'widget', method: 'POST', path: '/quotes', body: { poolId: 'standard', delta: -1 } },
    ],
    admin: { notApplicable: salesDeal },
  },
  {
    rule: 'A policy that refuses decreases refuses them',
    intent: 'remove a licence where decreases go through support',
    account: dazos,
    refusal: { status: 422, code: 'plan_invalid', rule: 'decrease-not-allowed' },
    widget: [
      { door: 'widget', method: 'POST', path: '/quotes', body: { poolId: 'users', delta: -1 } },
    ],
    admin: { notApplicable: salesDeal },
  },
  {
    rule: 'A policy that refuses purchases refuses them',
    intent: 'buy a licence where purchases go through the account manager',
    account: 'scheduled-removal-no-portal-purchase',
    refusal: { status: 422, code: 'plan_invalid', rule: 'increase-not-allowed' },
    widget: [
      { door: 'widget', method: 'POST', path: '/quotes', body: { poolId: 'standard', delta: 1 } },
    ],
    admin: { notApplicable: salesDeal },
  },
  {
    rule: 'Licences never go below the members consuming them',
    intent: 'remove monthly licences that active engineers use',
    account: commusoft,
    refusal: { status: 422, code: 'plan_invalid', rule: 'below-assigned' },
    widget: [
      { door: 'widget', method: 'POST', path: '/quotes', body: { poolId: 'monthly', delta: -2 } },
    ],
    admin: [{ door: 'admin', op: 'setPurchased', poolId: 'monthly', purchased: 2 }],
  },
  {
    rule: 'With removalFloor "holders", licences never go below the members holding them',
    intent: 'remove the monthly licence of a deactivated engineer who still holds it',
    account: commusoft,
    arrange: [
      {
        door: 'widget',
        method: 'PATCH',
        path: `/members/${commusoft}-user-10`,
        body: { status: 'inactive' },
      },
    ],
    refusal: { status: 422, code: 'plan_invalid', rule: 'below-assigned' },
    widget: [
      { door: 'widget', method: 'POST', path: '/quotes', body: { poolId: 'monthly', delta: -2 } },
    ],
    admin: [{ door: 'admin', op: 'setPurchased', poolId: 'monthly', purchased: 2 }],
  },
];
