import { createFormat, en as t } from '@seats/react';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLayoutHolds } from './expect-layout-holds';
import { launchChromium } from './launch-chromium';
import { type AdminApp, captureFlow, startAdminApp } from './start-admin-app';

// OpenCRM (seed 001): Active and Locked users use a licence; at zero available a new Active user
// offers to buy a licence on save or to use a non-consuming status; deactivating or deleting frees
// one; the allowance is raised by entering a new total and accepting the terms; a decrease is
// refused with "contact your Account Manager".
const accountId = 'total-with-terms-no-self-decrease';
const admin = 'System Admin';
const f = createFormat('en');

describe('OpenCRM: user allowance with terms, no self-service decrease', () => {
  let app: AdminApp;
  let browser: Browser;
  let page: Page;

  // OpenCRM's own counters, as the article names them.
  const meterShows = (used: number, purchased: number) =>
    page
      .getByText(`Number of Active Users: ${used} · Maximum Active Users: ${purchased}`, {
        exact: true,
      })
      .first()
      .waitFor();
  const availableShows = (count: number) =>
    page.getByText(`Number of Licences Available: ${count}`, { exact: true }).first().waitFor();
  const row = (name: string) => page.locator('tr', { hasText: name });
  const counts = (name: string) =>
    row(name).locator('[data-consumes]').getAttribute('data-consumes');
  const saveRow = async (name: string, status: string) => {
    await page.getByRole('combobox', { name: `Status of ${name}` }).selectOption(status);
    await page.getByRole('button', { name: `Save changes of ${name}` }).click();
  };
  const fillNewUser = async (name: string, email: string, status: string) => {
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(email);
    await form.getByRole('combobox', { name: 'Status' }).selectOption(status);
    await form.getByRole('button', { name: 'Add user' }).click();
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startAdminApp(), launchChromium()]);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${app.url}/#/users`);
    await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'OpenCRM demo' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('counts Active and Locked users against the licences, and no other status', async () => {
    await meterShows(9, 12);
    const api = app.client(accountId, admin);
    const inactive = (await api.listMembers({ status: 'Inactive' })).items;
    const room = (await api.listMembers({ status: 'Room' })).items;
    const [first, second] = inactive;
    if (first === undefined || second === undefined || room[0] === undefined)
      throw new Error('the demo account has two Inactive users and a Room');

    await saveRow(first.name, 'Locked');
    await meterShows(10, 12);
    await expect.poll(() => counts(first.name)).toBe('true');
    await saveRow(second.name, 'Active');
    await saveRow(room[0].name, 'Active');
    await meterShows(12, 12);
    await availableShows(0);
  });

  it('offers a non-consuming status when no licence is available, and adds the user with it', async () => {
    await fillNewUser('Ivy Inactive', 'ivy@opencrm.example', 'Active');
    const guard = page.getByRole('dialog', { name: 'You have no available licences' });
    await guard.getByText(t.guardBody({ used: 12, purchased: 12 }, f)).waitFor();
    for (const status of ['Inactive', 'Room', 'Resource', 'Asset', 'Queue']) {
      await guard.getByRole('button', { name: t.remedyNonConsuming({ status }, f) }).waitFor();
    }
    await guard.getByRole('button', { name: t.remedyFreeLicence({ quantity: 1 }, f) }).click();
    await guard.getByRole('radio').first().waitFor();
    await expectLayoutHolds(page, 'OpenCRM: the guard choosing whom to deactivate');
    await guard
      .getByRole('button', { name: t.remedyNonConsuming({ status: 'Inactive' }, f) })
      .click();

    await row('ivy@opencrm.example').waitFor();
    expect(await page.getByRole('combobox', { name: 'Status of Ivy Inactive' }).inputValue()).toBe(
      'Inactive',
    );
    await expect.poll(() => counts('ivy@opencrm.example')).toBe('false');
    await meterShows(12, 12);
  });

  it('asks to buy a licence on save when a new user is Active, then creates the user', async () => {
    await fillNewUser('Abe Active', 'abe@opencrm.example', 'Active');
    const guard = page.getByRole('dialog', { name: 'You have no available licences' });
    await guard.getByRole('button', { name: 'Increase the number of user licences' }).click();

    const adjust = page.getByRole('dialog', { name: 'Adjust User Allowance' });
    expect(await adjust.getByLabel('Number of user licences').inputValue()).toBe('13');
    const confirm = adjust.getByRole('button', { name: 'Save' });
    await adjust.locator('[data-part="plan"]').waitFor();
    // The terms must be ticked before the purchase can go ahead.
    expect(await confirm.getAttribute('aria-disabled')).toBe('true');
    await adjust.getByLabel('I have read the Terms and Conditions').check();
    expect(await confirm.getAttribute('aria-disabled')).toBe('false');
    await confirm.click();

    await row('abe@opencrm.example').waitFor();
    await meterShows(13, 13);
  });

  it('frees a licence when an Active user is made Inactive', async () => {
    await saveRow('Abe Active', 'Inactive');
    await meterShows(12, 13);
    await expect.poll(() => counts('abe@opencrm.example')).toBe('false');
  });

  it('refuses a lower total with "contact your Account Manager" and raises the allowance to a higher one', async () => {
    await page.getByRole('link', { name: 'Licences' }).click();
    await page.getByRole('button', { name: 'Adjust User Allowance' }).click();
    const adjust = page.getByRole('dialog', { name: 'Adjust User Allowance' });
    const total = adjust.getByLabel('Number of user licences');
    expect(await total.inputValue()).toBe('13');

    await total.fill('10');
    const refusal = t.planIssue(
      { issue: { field: 'total', code: 'decrease-not-allowed', contact: 'your Account Manager' } },
      f,
    );
    await adjust.getByText(refusal).waitFor();

    await total.fill('14');
    await adjust.getByRole('button', { name: t.increment(undefined, f) }).click();
    expect(await total.inputValue()).toBe('15');
    await adjust.locator('[data-part="plan"]').waitFor();
    await adjust.getByLabel('I have read the Terms and Conditions').check();
    await adjust.getByRole('button', { name: 'Save' }).click();
    await adjust.waitFor({ state: 'detached' });
    await meterShows(12, 15);
    await availableShows(3);
  });

  it('frees a licence when a user is deleted', async () => {
    await page.getByRole('link', { name: 'Users' }).click();
    const api = app.client(accountId, admin);
    const standard = (await api.listMembers({ status: 'Active', role: 'Standard User' })).items[0];
    if (standard === undefined) throw new Error('the demo account has Active standard users');
    await page.getByRole('button', { name: `Delete of ${standard.name}` }).click();
    await page.getByRole('button', { name: `Confirm delete of ${standard.name}` }).click();
    await row(standard.email).waitFor({ state: 'detached' });
    await meterShows(11, 15);
    await captureFlow(page, 'opencrm-allowance');
  });

  it('leaves the raised allowance, added to the next invoice, and the users in the database', async () => {
    await browser.close();
    await app.stop();
    const db = await app.openDatabase();
    try {
      const pools = await db.query(
        'SELECT purchased, used FROM seats_pools WHERE account_id = $1',
        [accountId],
      );
      expect(pools.rows).toEqual([{ purchased: 15, used: 11 }]);
      const added = await db.query(
        `SELECT email, status, consumes FROM seats_members
          WHERE account_id = $1 AND email LIKE '%@opencrm.example' ORDER BY email`,
        [accountId],
      );
      expect(added.rows).toEqual([
        { email: 'abe@opencrm.example', status: 'Inactive', consumes: false },
        { email: 'ivy@opencrm.example', status: 'Inactive', consumes: false },
      ]);
      const changes = await db.query<{
        status: string;
        to: number;
        charged: string | null;
        next: number;
      }>(
        `SELECT status, (plan->>'to')::int AS to, charged_amount AS charged,
                (plan->'nextInvoiceChange'->>'amount')::int AS next
           FROM seats_changes WHERE account_id = $1 ORDER BY seq`,
        [accountId],
      );
      // Charged on the next invoice, not now (the article's "next Invoice amount should update").
      expect(changes.rows.map(({ status, to, charged }) => ({ status, to, charged }))).toEqual([
        { status: 'applied', to: 13, charged: null },
        { status: 'applied', to: 15, charged: null },
      ]);
      expect(changes.rows.every((change) => change.next > 0)).toBe(true);
    } finally {
      await db.close();
    }
  });
});
