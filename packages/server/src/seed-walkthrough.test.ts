import { inflateSync } from 'node:zlib';
import {
  ConfirmationRequiredError,
  createSeatsClient,
  ForbiddenError,
  type FullSummary,
  NoLicenceAvailableError,
  NotFoundError,
  PasswordInvalidError,
  PaymentFailedError,
  PlanInvalidError,
  type Quote,
  type QuoteRequest,
  type SeatsClient,
  type Summary,
} from '@seats/client';
import { decideMemberChange, planAllowanceChange } from '@seats/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemoAccounts } from './demo';
import { createDevBilling, createSeatsHandler, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';

/** The summary, checked to be the full one a role that may see licences gets. */
function full(summary: Summary): FullSummary {
  if (summary.access !== 'full')
    throw new Error(`Expected the full summary, got ${summary.access}.`);
  return summary;
}

// Each seed article walked through the HTTP API with the client, on the demo accounts. Prices and
// decisions are checked against `@seats/core` fed with what the API itself reports, never re-computed.
const now = new Date('2026-11-10T12:00:00.000Z');
const billing = createDevBilling();
const signatureEmails: { changeId: string; token: string }[] = [];
let store: SeatsStore;
let handler: (request: Request) => Promise<Response>;

function as(accountId: string, role: string): SeatsClient {
  return createSeatsClient({
    baseUrl: 'http://seats.test',
    fetch: (input, init) => handler(new Request(input, init)),
    headers: { 'x-seats-account': accountId, 'x-seats-role': role },
  });
}

/** The plan core makes from the summary the API served: what the quote must say. */
function expectedPlan(summary: FullSummary, request: QuoteRequest) {
  const pool = summary.pools.find((candidate) => candidate.id === request.poolId);
  const usage = summary.usage.pools.find((candidate) => candidate.poolId === request.poolId);
  const decision = planAllowanceChange({
    account: summary.account,
    pool,
    used: usage?.used ?? 0,
    policy: summary.policy,
    viewerRole: summary.viewer.role,
    request,
    now: now.toISOString(),
  });
  if (decision.status !== 'planned') throw new Error(`core refuses the plan: ${decision.status}`);
  return decision.plan;
}

/** The text a PDF shows: each page's content stream inflated, its hex strings shown with `Tj`. */
function pdfText(bytes: Uint8Array): string {
  const source = Buffer.from(bytes);
  const texts: string[] = [];
  let at = 0;
  for (;;) {
    const start = source.indexOf('stream', at);
    if (start === -1) break;
    const body = source.indexOf('\n', start) + 1;
    const end = source.indexOf('endstream', body);
    let content: string;
    try {
      content = inflateSync(source.subarray(body, end)).toString('latin1');
    } catch {
      content = source.subarray(body, end).toString('latin1');
    }
    for (const [, hex] of content.matchAll(/<([0-9a-fA-F]*)> Tj/g)) {
      texts.push(Buffer.from(hex ?? '', 'hex').toString('latin1'));
    }
    at = end + 'endstream'.length;
  }
  return texts.join('\n');
}

const poolOf = (summary: FullSummary, poolId: string) =>
  summary.usage.pools.find((pool) => pool.poolId === poolId);

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  store = await createPgliteStore();
  await seedDemoAccounts(store, { now });
  handler = createSeatsHandler({
    store,
    billing,
    clock: () => now,
    identify: (request) => {
      const accountId = request.headers.get('x-seats-account');
      const role = request.headers.get('x-seats-role');
      return accountId === null || role === null ? null : { accountId, memberId: null, role };
    },
    verifyPassword: (_identity, password) => password === demoPassword,
    requestSignature: ({ changeId, token }) => {
      signatureEmails.push({ changeId, token });
    },
  });
}, 60_000);

afterAll(() => store.close());

describe('Dazos CRM: How to Upgrade User Licenses', () => {
  const account = 'delta-upgrade-at-limit';
  const billingAdmin = () => as(account, 'billing-admin');
  let quote: Quote;

  it('before you begin: only roles with billing permission may change the licence count', async () => {
    const summary = full(await billingAdmin().getSummary());
    expect(summary.usage.viewer.changeAllowance).toBe(true);
    const admin = full(await as(account, 'admin').getSummary());
    expect(admin.usage.viewer.changeAllowance).toBe(false);
  });

  it('steps 1-3: Manage Users lists the users and the seats they use', async () => {
    const summary = full(await billingAdmin().getSummary());
    const members = await billingAdmin().listMembers({ limit: 200 });
    expect(members.items.filter((member) => member.consumes)).toHaveLength(summary.usage.used);
    expect(summary.usage.used).toBe(summary.usage.purchased);
  });

  it('step 4: + Add User at the seat limit cannot claim a seat, and offers the upgrade', async () => {
    const summary = full(await billingAdmin().getSummary());
    const error = await failure(
      billingAdmin().createMember({
        name: 'Nia',
        email: 'nia@example.com',
        status: 'active',
        role: 'member',
      }),
    );
    expect(error).toBeInstanceOf(NoLicenceAvailableError);
    const decision = (error as NoLicenceAvailableError).decision;
    expect(decision).toEqual(
      decideMemberChange({
        policy: summary.policy,
        usage: summary.usage,
        before: null,
        after: { status: 'active', role: 'member', poolId: 'users' },
      }),
    );
    expect(decision?.remedies[0]).toMatchObject({ kind: 'buy', quantity: 1 });
  });

  it('step 5: the Upgrade button appears once the seat limit is reached', async () => {
    const summary = full(await billingAdmin().getSummary());
    expect(poolOf(summary, 'users')).toMatchObject({ state: 'full', adjust: 'shown' });
  });

  it('step 6: the admin types the number of additional users (10 and need 12: type 2)', async () => {
    const summary = full(await billingAdmin().getSummary());
    quote = await billingAdmin().createQuote({ poolId: 'users', delta: 2 });
    expect(quote.plan).toEqual(expectedPlan(summary, { poolId: 'users', delta: 2 }));
    expect(quote.plan).toMatchObject({ from: 10, to: 12, added: 2, confirmations: [] });
  });

  it('step 7: the final Upgrade confirms and charges the subscription', async () => {
    const charges = billing.charges().length;
    const change = await billingAdmin().commitChange({ quoteId: quote.id });
    expect(change.status).toBe('applied');
    expect(change.charged).toEqual(quote.plan.dueNow);
    expect(billing.charges()).toHaveLength(charges + 1);
  });

  it('verification: Manage Users shows the new total and Add User works up to it', async () => {
    const summary = full(await billingAdmin().getSummary());
    expect(poolOf(summary, 'users')).toMatchObject({ purchased: 12, available: 2 });
    for (const name of ['Nia', 'Omar']) {
      const member = await billingAdmin().createMember({
        name,
        email: `${name.toLowerCase()}@example.com`,
        status: 'active',
        role: 'member',
      });
      expect(member.consumes).toBe(true);
    }
    await expect(
      billingAdmin().createMember({
        name: 'Pia',
        email: 'pia@example.com',
        status: 'active',
        role: 'member',
      }),
    ).rejects.toBeInstanceOf(NoLicenceAvailableError);
  });

  it('troubleshooting: without billing permission the Upgrade button is not there', async () => {
    const summary = full(await as(account, 'admin').getSummary());
    expect(poolOf(summary, 'users')?.adjust).toBe('hidden');
    await expect(
      as(account, 'admin').createQuote({ poolId: 'users', delta: 1 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('troubleshooting: a payment failure leaves the licences as they were', async () => {
    const before = full(await billingAdmin().getSummary());
    const failed = await billingAdmin().createQuote({ poolId: 'users', delta: 1 });
    billing.failNext('Card expired');
    await expect(billingAdmin().commitChange({ quoteId: failed.id })).rejects.toBeInstanceOf(
      PaymentFailedError,
    );
    expect(full(await billingAdmin().getSummary()).usage).toEqual(before.usage);
  });

  it('troubleshooting: too many seats are adjusted by Support, not in the app', async () => {
    const error = await failure(billingAdmin().createQuote({ poolId: 'users', delta: -1 }));
    expect(error).toBeInstanceOf(PlanInvalidError);
    expect((error as PlanInvalidError).issues).toEqual([
      { field: 'delta', code: 'decrease-not-allowed', contact: 'Support' },
    ]);
  });
});

describe('OpenCRM: how do I increase / decrease the number of user licences?', () => {
  const account = 'total-with-terms-no-self-decrease';
  const sysAdmin = () => as(account, 'System Admin');
  let quote: Quote;

  it("User Management: 'System Admin' users see and manage the licences, others do not", async () => {
    const admin = full(await sysAdmin().getSummary());
    expect(admin.usage.viewer).toMatchObject({ viewLicences: true, changeAllowance: true });
    const standard = await as(account, 'Standard User').getSummary();
    expect(standard).toMatchObject({ access: 'limited', withoutPermission: 'hide' });
    expect(standard).not.toHaveProperty('pools');
    await expect(as(account, 'Standard User').listChanges()).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("Number of Active Users counts users whose status is 'Active' or 'Locked'", async () => {
    const summary = full(await sysAdmin().getSummary());
    const members = await sysAdmin().listMembers({ limit: 200 });
    const activeOrLocked = members.items.filter((member) =>
      ['Active', 'Locked'].includes(member.status),
    );
    expect(activeOrLocked.some((member) => member.status === 'Locked')).toBe(true);
    expect(summary.usage.used).toBe(activeOrLocked.length);
    expect(
      members.items.filter((member) => !activeOrLocked.includes(member)).every((m) => !m.consumes),
    ).toBe(true);
  });

  it('Maximum Active Users is the licences held, and Available the unused ones', async () => {
    const summary = full(await sysAdmin().getSummary());
    expect(summary.usage.available).toBe(summary.usage.purchased - summary.usage.used);
    expect(summary.usage.available).toBeGreaterThan(0);
  });

  it('Adjust User Allowance: enter a new total greater than the current maximum', async () => {
    const summary = full(await sysAdmin().getSummary());
    const total = summary.usage.purchased + 2;
    quote = await sysAdmin().createQuote({ poolId: 'users', total });
    expect(quote.plan).toEqual(expectedPlan(summary, { poolId: 'users', total }));
    expect(quote.plan).toMatchObject({ kind: 'increase', to: total, confirmations: ['terms'] });
  });

  it('the monthly subscription increases on the next invoice, nothing is charged now', () => {
    expect(quote.plan.dueNow.amount).toBe(0);
    expect(quote.plan.nextInvoiceChange.amount).toBeGreaterThan(0);
  });

  it("cannot continue without ticking the 'Terms and Conditions' box", async () => {
    await expect(
      sysAdmin().commitChange({ quoteId: quote.id, confirmations: { termsAccepted: false } }),
    ).rejects.toBeInstanceOf(ConfirmationRequiredError);
  });

  it("Save closes the pop-up with 'Maximum Active Users' increased", async () => {
    const change = await sysAdmin().commitChange({
      quoteId: quote.id,
      confirmations: { termsAccepted: true },
    });
    expect(change.status).toBe('applied');
    expect(full(await sysAdmin().getSummary()).usage.purchased).toBe(quote.plan.to);
  });

  it('a decrease shows a warning to contact the Account Manager', async () => {
    const error = await failure(sysAdmin().createQuote({ poolId: 'users', total: 1 }));
    expect((error as PlanInvalidError).issues).toEqual([
      { field: 'total', code: 'decrease-not-allowed', contact: 'your Account Manager' },
    ]);
  });

  it("Adding New Users: unrestricted while 'Number Of Licences Available' is above 0", async () => {
    const available = full(await sysAdmin().getSummary()).usage.available;
    for (let index = 0; index < available; index++) {
      await sysAdmin().createMember({
        name: `New ${index}`,
        email: `new.${index}@example.com`,
        status: 'Active',
        role: 'Standard User',
      });
    }
    expect(full(await sysAdmin().getSummary()).usage.available).toBe(0);
  });

  it("at 0 available a new 'Active' user asks to increase the licences, or to use another status", async () => {
    const error = await failure(
      sysAdmin().createMember({
        name: 'Zed',
        email: 'zed@example.com',
        status: 'Active',
        role: 'Standard User',
      }),
    );
    expect(error).toBeInstanceOf(NoLicenceAvailableError);
    const remedies = (error as NoLicenceAvailableError).decision?.remedies ?? [];
    expect(remedies.map((remedy) => remedy.kind)).toEqual([
      'buy',
      'use-non-consuming',
      'free-licence',
    ]);
    expect(remedies[1]).toMatchObject({
      statuses: ['Inactive', 'Room', 'Resource', 'Asset', 'Queue'],
    });
  });

  it("a user with any status other than 'Active' or 'Locked' is created without a licence", async () => {
    const member = await sysAdmin().createMember({
      name: 'Zed',
      email: 'zed@example.com',
      status: 'Inactive',
      role: 'Standard User',
    });
    expect(member).toMatchObject({
      consumes: false,
      reason: { kind: 'status-does-not-consume' },
    });
  });

  it("Existing Users: making a user 'Active' or 'Locked' checks for a free licence", async () => {
    const inactive = (await sysAdmin().listMembers({ status: 'Inactive', limit: 1 })).items[0];
    await expect(
      sysAdmin().updateMember(inactive?.id as string, { status: 'Locked' }),
    ).rejects.toBeInstanceOf(NoLicenceAvailableError);
  });

  it("Making Existing Licences Available: set an 'Active' user 'Inactive' to free a licence", async () => {
    const active = (await sysAdmin().listMembers({ status: 'Active', role: 'Standard User' }))
      .items[0];
    const freed = await sysAdmin().updateMember(active?.id as string, { status: 'Inactive' });
    expect(freed.consumes).toBe(false);
    expect(full(await sysAdmin().getSummary()).usage.available).toBe(1);
    const inactive = (await sysAdmin().listMembers({ status: 'Inactive', limit: 1 })).items[0];
    const activated = await sysAdmin().updateMember(inactive?.id as string, { status: 'Active' });
    expect(activated.consumes).toBe(true);
  });

  it('Additional Statuses: Room, Resource, Asset and Queue need no licence', async () => {
    for (const status of ['Room', 'Resource', 'Asset', 'Queue']) {
      const member = await sysAdmin().createMember({
        name: `${status} one`,
        email: `${status.toLowerCase()}@example.com`,
        status,
        role: 'Standard User',
      });
      expect(member.consumes).toBe(false);
    }
    expect(full(await sysAdmin().getSummary()).usage.available).toBe(0);
  });

  it('Setup Wizard: deleting a user frees a licence', async () => {
    const active = (await sysAdmin().listMembers({ status: 'Active', role: 'Standard User' }))
      .items[0];
    await sysAdmin().deleteMember(active?.id as string);
    expect(full(await sysAdmin().getSummary()).usage.available).toBe(1);
  });
});

describe('Dialpad: Manage Dialpad Licenses', () => {
  const account = 'scheduled-removal-with-restore';
  const officeAdmin = () => as(account, 'office-admin');
  let removal: string;

  it('licences purchased during a billing cycle are prorated', async () => {
    const summary = full(await officeAdmin().getSummary());
    const request = { poolId: 'standard', delta: 3 };
    const quote = await officeAdmin().createQuote(request);
    expect(quote.plan).toEqual(expectedPlan(summary, request));
    const prorated = quote.plan.lines.find((line) => line.kind === 'prorated-charge');
    expect(prorated?.amount).toBeLessThan(3 * 2_700);
    expect(prorated?.amount).toBeGreaterThan(0);
    const change = await officeAdmin().commitChange({ quoteId: quote.id });
    expect(change.charged).toEqual(quote.plan.dueNow);
  });

  it('every purchased licence is charged, assigned or not', async () => {
    const summary = full(await officeAdmin().getSummary());
    const pool = poolOf(summary, 'standard');
    expect(pool?.available).toBeGreaterThan(0);
    expect(pool?.nextPeriod).toBe(pool?.purchased);
  });

  it('add-ons are purchased the same way', async () => {
    const quote = await officeAdmin().createQuote({ poolId: 'contact-center', delta: 1 });
    const change = await officeAdmin().commitChange({ quoteId: quote.id });
    expect(change.status).toBe('applied');
    expect(poolOf(full(await officeAdmin().getSummary()), 'contact-center')?.purchased).toBe(6);
  });

  it('Remove licenses: removals are scheduled for the end of the current billing cycle', async () => {
    const before = full(await officeAdmin().getSummary());
    const quote = await officeAdmin().createQuote({ poolId: 'standard', delta: -2 });
    expect(quote.plan).toMatchObject({
      result: 'scheduled',
      effectiveAt: before.account.billingPeriod.end,
    });
    const change = await officeAdmin().commitChange({ quoteId: quote.id });
    removal = change.id;
    const after = poolOf(full(await officeAdmin().getSummary()), 'standard');
    expect(after).toMatchObject({
      purchased: poolOf(before, 'standard')?.purchased,
      scheduledRemoval: 2,
    });
  });

  it('Restore licenses scheduled for removal: cancelling the removal costs nothing', async () => {
    const charges = billing.charges().length;
    const restored = await officeAdmin().cancelChange(removal);
    expect(restored.status).toBe('cancelled');
    expect(poolOf(full(await officeAdmin().getSummary()), 'standard')?.scheduledRemoval).toBe(0);
    expect(billing.charges()).toHaveLength(charges);
  });

  it('Restore licenses: purchasing up to the scheduled number restores them at no charge', async () => {
    const scheduled = await officeAdmin().createQuote({ poolId: 'standard', delta: -2 });
    await officeAdmin().commitChange({ quoteId: scheduled.id });
    const restore = await officeAdmin().createQuote({ poolId: 'standard', delta: 2 });
    expect(restore.plan).toMatchObject({ kind: 'restore', restored: 2, added: 0 });
    expect(restore.plan.dueNow.amount).toBe(0);
    const charges = billing.charges().length;
    await officeAdmin().commitChange({ quoteId: restore.id });
    expect(billing.charges()).toHaveLength(charges);
    expect(poolOf(full(await officeAdmin().getSummary()), 'standard')?.scheduledRemoval).toBe(0);
  });

  it('user accounts can only be created for as many licences as are available', async () => {
    const available = poolOf(full(await officeAdmin().getSummary()), 'standard')?.available ?? 0;
    for (let index = 0; index < available; index++) {
      await officeAdmin().createMember({
        name: `Agent ${index}`,
        email: `agent.${index}@example.com`,
        status: 'active',
        role: 'user',
        poolId: 'standard',
      });
    }
    await expect(
      officeAdmin().createMember({
        name: 'One too many',
        email: 'extra@example.com',
        status: 'active',
        role: 'user',
        poolId: 'standard',
      }),
    ).rejects.toBeInstanceOf(NoLicenceAvailableError);
  });

  it('on a contracted (invoiced) plan licences cannot be removed: contact your Customer Success Manager', async () => {
    const invoiced = as('scheduled-removal-with-restore-invoiced', 'company-admin');
    const summary = full(await invoiced.getSummary());
    expect(poolOf(summary, 'standard')?.decrease).toMatchObject({
      allowed: false,
      reason: 'contracted-until',
      contact: 'your Customer Success Manager',
    });
    const error = await failure(invoiced.createQuote({ poolId: 'standard', delta: -1 }));
    expect((error as PlanInvalidError).issues[0]).toMatchObject({
      code: 'contracted-until',
      contact: 'your Customer Success Manager',
    });
    // Buying stays self-serve on the contracted plan.
    expect((await invoiced.createQuote({ poolId: 'standard', delta: 1 })).plan.added).toBe(1);
  });

  it('on a plan without portal purchases, buying sends the admin to the Customer Success Manager', async () => {
    const managed = as('scheduled-removal-no-portal-purchase', 'company-admin');
    const summary = full(await managed.getSummary());
    expect(poolOf(summary, 'standard')?.increase).toEqual({
      allowed: false,
      reason: 'contact',
      contact: 'your Customer Success Manager',
    });
    const error = await failure(managed.createQuote({ poolId: 'standard', delta: 1 }));
    expect((error as PlanInvalidError).issues[0]).toMatchObject({
      code: 'increase-not-allowed',
      contact: 'your Customer Success Manager',
    });
    // Removals are scheduled as on every Dialpad plan.
    expect((await managed.createQuote({ poolId: 'standard', delta: -1 })).plan.result).toBe(
      'scheduled',
    );
  });
});

describe('factro: How Do I Add Licenses?', () => {
  const account = 'daily-prorated-with-password';
  const owner = () => as(account, 'owner');
  let quote: Quote;

  it('only the cloud owner, as the contract partner, books additional licences', async () => {
    await expect(
      as(account, 'admin').createQuote({ poolId: 'named', total: 12 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(poolOf(full(await as(account, 'admin').getSummary()), 'named')?.adjust).toBe(
      'explained',
    );
  });

  it('select the new total number and see the resulting price change before confirming', async () => {
    const summary = full(await owner().getSummary());
    const total = (poolOf(summary, 'named')?.purchased ?? 0) + 2;
    quote = await owner().createQuote({ poolId: 'named', total });
    expect(quote.plan).toEqual(expectedPlan(summary, { poolId: 'named', total }));
    expect(quote.plan.confirmations).toEqual(['password']);
  });

  it('billed per day, proportionally to the term of the main contract', () => {
    const prorated = quote.plan.lines.find((line) => line.kind === 'prorated-charge');
    expect(prorated).toMatchObject({ fraction: { unit: 'day' } });
    if (prorated?.kind !== 'prorated-charge') throw new Error('no prorated charge');
    expect(prorated.fraction.remaining).toBeLessThan(prorated.fraction.total);
  });

  it('authorise the booking by entering the password', async () => {
    await expect(owner().commitChange({ quoteId: quote.id })).rejects.toBeInstanceOf(
      ConfirmationRequiredError,
    );
    await expect(
      owner().commitChange({ quoteId: quote.id, confirmations: { password: 'not-it' } }),
    ).rejects.toBeInstanceOf(PasswordInvalidError);
    const change = await owner().commitChange({
      quoteId: quote.id,
      confirmations: { password: demoPassword },
    });
    expect(change).toMatchObject({ status: 'applied', charged: quote.plan.dueNow });
    expect(poolOf(full(await owner().getSummary()), 'named')?.purchased).toBe(quote.plan.to);
  });

  it('named licences: a guest uses none, and upgrading a guest to a higher group takes one', async () => {
    const before = poolOf(full(await owner().getSummary()), 'named')?.used ?? 0;
    const guest = (await owner().listMembers({ role: 'guest' })).items[0];
    expect(guest).toMatchObject({ consumes: false, reason: { kind: 'role-does-not-consume' } });
    const employee = await owner().updateMember(guest?.id as string, { role: 'employee' });
    expect(employee.consumes).toBe(true);
    expect(poolOf(full(await owner().getSummary()), 'named')?.used).toBe(before + 1);
  });

  it('removing the rights group (employee to guest) makes the licence usable again', async () => {
    const before = poolOf(full(await owner().getSummary()), 'named')?.used ?? 0;
    const employee = (await owner().listMembers({ role: 'employee', consuming: true })).items[0];
    const guest = await owner().updateMember(employee?.id as string, { role: 'guest' });
    expect(guest.consumes).toBe(false);
    expect(poolOf(full(await owner().getSummary()), 'named')?.used).toBe(before - 1);
  });
});

describe('Commusoft: Managing your Commusoft licenses', () => {
  const account = 'signed-contract-licence-types';
  const manager = () => as(account, 'owner-manager');
  let pending: string;

  it('Owner/manager and Financial office staff roles can access Licenses; others cannot', async () => {
    expect(full(await as(account, 'financial-office').getSummary()).usage.viewer.viewLicences).toBe(
      true,
    );
    for (const role of ['office-staff', 'engineer']) {
      const summary = await as(account, role).getSummary();
      expect(summary).toMatchObject({
        access: 'limited',
        permissions: { viewLicences: false },
        withoutPermission: 'hide',
      });
      expect(summary).not.toHaveProperty('pools');
      await expect(as(account, role).listChanges()).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('contract details: current plan, contract dates and data usage against the allowance', async () => {
    const summary = full(await manager().getSummary());
    expect(summary.account.plan).toBe('Customer Journey Plan');
    expect(summary.account.contract).toMatchObject({ kind: 'contracted' });
    expect(summary.usage.contractEndsAt).toBe(
      summary.account.contract.kind === 'contracted' ? summary.account.contract.end : null,
    );
    const perLicence = summary.pools.reduce(
      (total, pool) => total + (pool.storagePerLicenceBytes ?? 0) * pool.purchased,
      0,
    );
    expect(summary.usage.storage).toMatchObject({
      usedBytes: summary.account.storageUsedBytes,
      allowanceBytes: perLicence,
    });
  });

  it('each licence type (contracted, monthly, daily) has its own progress bar', async () => {
    const summary = full(await manager().getSummary());
    expect(summary.usage.pools.map((pool) => pool.term)).toEqual([
      'contracted',
      'monthly',
      'daily',
    ]);
  });

  it('Add licenses: the window shows the contract and cost breakdown', async () => {
    const summary = full(await manager().getSummary());
    const contracted = await manager().createQuote({ poolId: 'contracted', delta: 1 });
    expect(contracted.plan).toEqual(expectedPlan(summary, { poolId: 'contracted', delta: 1 }));
    expect(contracted.plan.lines.find((line) => line.kind === 'commitment')).toMatchObject({
      until: summary.usage.contractEndsAt,
    });
  });

  it('Save sends an e-signature email; the purchase waits until it is signed', async () => {
    const quote = await manager().createQuote({ poolId: 'monthly', delta: 1 });
    expect(quote.plan.confirmations).toEqual(['e-signature']);
    const change = await manager().commitChange({ quoteId: quote.id });
    pending = change.id;
    expect(change.status).toBe('pending-signature');
    const summary = full(await manager().getSummary());
    expect(poolOf(summary, 'monthly')).toMatchObject({ purchased: 4, pendingSignature: 1 });
    expect(summary.pendingChanges.map((open) => open.id)).toContain(pending);
    expect(signatureEmails.some((email) => email.changeId === pending)).toBe(true);
  });

  it('the digital signature from the email confirms the purchase', async () => {
    const token = signatureEmails.find((email) => email.changeId === pending)?.token as string;
    const signed = await manager().signChange(pending, { token });
    expect(signed.status).toBe('applied');
    expect(poolOf(full(await manager().getSummary()), 'monthly')).toMatchObject({
      purchased: 5,
      pendingSignature: 0,
    });
  });

  it('a PDF copy of the signed contract downloads, saying what was bought, for how much and when it was signed', async () => {
    const history = await manager().listChanges();
    const signed = history.items.find((change) => change.id === pending);
    const pdf = await manager().getSignedContract(pending);
    expect(pdf.type).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Signed licence purchase');
    expect(text).toContain('Account: Commusoft demo (signed-contract-licence-types)');
    expect(text).toContain('Monthly licences');
    expect(text).toContain('1 licence added: from 4 licences to 5 licences.');
    const due = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(
      (signed?.plan.dueNow.amount ?? 0) / 100,
    );
    expect(text).toContain(`Due on signature\n${due}`);
    // Prices in words a reader knows, as the dialog shows them: per month, in days, never seconds.
    expect(text).toMatch(/1 licence × £[\d.]+ per month, prorated for \d+ of \d+ days/);
    expect(text).not.toContain('second');
    expect(text).toContain('Signed: 10 November 2026 at 12:00 UTC, by e-signature');
  });

  it('a purchase that was never signed has no signed contract; a plain engineer gets none', async () => {
    const applied = (await manager().listChanges()).items.find(
      (change) => change.signedAt === null,
    );
    await expect(manager().getSignedContract(applied?.id as string)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(as(account, 'engineer').getSignedContract(pending)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('Delete licenses: a monthly licence no longer needed is removed', async () => {
    const quote = await manager().createQuote({ poolId: 'monthly', delta: -1 });
    const change = await manager().commitChange({ quoteId: quote.id });
    expect(change.status).toBe('applied');
    expect(poolOf(full(await manager().getSummary()), 'monthly')?.purchased).toBe(4);
  });

  it('contracted licences cannot be deleted here; they change upon renewal', async () => {
    const summary = full(await manager().getSummary());
    const error = await failure(manager().createQuote({ poolId: 'contracted', delta: -1 }));
    expect((error as PlanInvalidError).issues).toEqual([
      { field: 'delta', code: 'contracted-until', until: summary.usage.contractEndsAt },
    ]);
  });

  it('licences assigned to a user cannot be deleted until the user moves to another type', async () => {
    const summary = full(await manager().getSummary());
    const monthly = poolOf(summary, 'monthly');
    const excess = (monthly?.purchased ?? 0) - (monthly?.used ?? 0);
    const error = await failure(manager().createQuote({ poolId: 'monthly', delta: -(excess + 1) }));
    expect((error as PlanInvalidError).issues[0]).toMatchObject({ code: 'below-assigned' });

    const user = (await manager().listMembers({ poolId: 'monthly', consuming: true })).items[0];
    await manager().updateMember(user?.id as string, { poolId: 'daily' });
    const quote = await manager().createQuote({ poolId: 'monthly', delta: -(excess + 1) });
    expect(quote.plan.removed).toBe(excess + 1);
  });

  it('a licence type held by an inactive user cannot be deleted below the users holding it', async () => {
    const holders = (await manager().listMembers({ poolId: 'daily' })).items;
    const resting = holders.find((member) => member.status === 'active');
    await manager().updateMember(resting?.id as string, { status: 'inactive' });
    const daily = poolOf(full(await manager().getSummary()), 'daily');
    expect(daily?.used).toBe(holders.length - 1);
    // Down to one fewer than the holders: enough for the active ones, not for the inactive one.
    const delta = holders.length - 1 - (daily?.purchased ?? 0);
    expect(delta).toBeLessThan(0);
    const error = await failure(manager().createQuote({ poolId: 'daily', delta }));
    expect((error as PlanInvalidError).issues[0]).toMatchObject({
      code: 'below-assigned',
      limit: holders.length,
    });
    await manager().deleteMember(resting?.id as string);
    expect((await manager().createQuote({ poolId: 'daily', delta })).plan.removed).toBe(-delta);
  });
});
