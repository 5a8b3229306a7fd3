import type { FullSummary } from '@seats/client';
import { describePlanPrice, planAllowanceChange } from '@seats/core';
import { createFormat, de as t } from '@seats/react';
import { demoPassword } from '@seats/server/demo';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLayoutHolds } from './expect-layout-holds';
import { launchChromium } from './launch-chromium';
import { type AdminApp, captureFlow, startAdminApp } from './start-admin-app';

// factro (seed 003): the owner sets the new TOTAL with "+" or by typing, sees the price change
// billed per day pro rata, and confirms with the password; named licences follow the rights group,
// where a guest uses none. The demo speaks German, with factro's own words: "Nutzeranzahl ändern"
// opens the change and "Bestätigen" confirms it.
const accountId = 'daily-prorated-with-password';
const f = createFormat('de');

describe('factro: new total with the stepper, daily proration, password confirmation', () => {
  let app: AdminApp;
  let browser: Browser;
  let page: Page;
  let expectedCharge = 0;

  const counts = (name: string) =>
    page.locator('tr', { hasText: name }).locator('[data-consumes]').getAttribute('data-consumes');
  const saveRole = async (name: string, role: string) => {
    await page.getByRole('combobox', { name: `Role of ${name}` }).selectOption(role);
    await page.getByRole('button', { name: `Save changes of ${name}` }).click();
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startAdminApp(), launchChromium()]);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${app.url}/#/licences`);
    await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'factro demo' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('buys licences by stepping the total up, shown at the daily pro-rata price, once the password is right', async () => {
    const summary = (await app.client(accountId, 'owner').getSummary()) as FullSummary;
    const pool = summary.pools[0];
    if (pool === undefined) throw new Error('the demo account has a pool');
    const plan = planAllowanceChange({
      account: summary.account,
      pool,
      used: summary.usage.pools[0]?.used ?? 0,
      policy: summary.policy,
      viewerRole: 'owner',
      request: { poolId: pool.id, total: pool.purchased + 2 },
      now: new Date().toISOString(),
    });
    if (plan.status !== 'planned') throw new Error('the purchase should be possible');
    expectedCharge = plan.plan.dueNow.amount;

    await page
      .getByText(t.usage({ used: 7, purchased: 10 }, f))
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Nutzeranzahl ändern' }).click();
    const dialog = page.getByRole('dialog', { name: /Named licences/ });
    const total = dialog.getByLabel('Neue Gesamtzahl lizenzierter Nutzer');
    expect(await total.inputValue()).toBe('10');
    await dialog.getByRole('button', { name: t.increment(undefined, f) }).click();
    await dialog.getByRole('button', { name: t.increment(undefined, f) }).click();
    expect(await total.inputValue()).toBe('12');

    const price = describePlanPrice({ plan: plan.plan, period: summary.account.billingPeriod });
    const charge = price.dueNow.rows.find((row) => row.kind === 'prorated-charge');
    if (charge === undefined) throw new Error('a mid-period purchase is prorated');
    await dialog.getByText(t.priceLine({ row: charge, currency: 'EUR' }, f)).waitFor();
    expect(
      await dialog
        .locator('[data-part="due-now"] [data-part="total"] [data-part="amount"]')
        .textContent(),
    ).toBe(f.money(plan.plan.dueNow));

    const password = dialog.getByLabel(t.passwordLabel(undefined, f));
    await password.fill('not-the-password');
    await dialog.getByRole('button', { name: 'Bestätigen' }).click();
    await dialog.getByRole('alert').getByText(t.passwordInvalid(undefined, f)).waitFor();
    expect(
      ((await app.client(accountId, 'owner').getSummary()) as FullSummary).pools[0]?.purchased,
    ).toBe(10);

    await password.fill(demoPassword);
    await dialog.getByRole('button', { name: 'Bestätigen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByText(t.usage({ used: 7, purchased: 12 }, f))
      .first()
      .waitFor();
  });

  it('lets a guest use a free licence by moving it to a higher rights group, and frees one by moving back', async () => {
    await expectLayoutHolds(page, 'factro: the Licences page after the purchase');
    await page.getByRole('link', { name: 'Users' }).click();
    const api = app.client(accountId, 'owner');
    const guest = (await api.listMembers({ role: 'guest' })).items[0];
    if (guest === undefined) throw new Error('the demo account has guests');
    await expect.poll(() => counts(guest.email)).toBe('false');

    await saveRole(guest.name, 'employee');
    await expect.poll(() => counts(guest.email)).toBe('true');
    await page.getByText(t.usage({ used: 8, purchased: 12 }, f)).waitFor();

    const employee = (await api.listMembers({ role: 'employee', status: 'active' })).items.find(
      (member) => member.id !== guest.id,
    );
    if (employee === undefined) throw new Error('the demo account has employees');
    await saveRole(employee.name, 'guest');
    await expect.poll(() => counts(employee.email)).toBe('false');
    await page.getByText(t.usage({ used: 7, purchased: 12 }, f)).waitFor();
    await captureFlow(page, 'factro-licences');
  });

  it('leaves the purchase, charged once at the pro-rata price, in the database', async () => {
    await browser.close();
    await app.stop();
    const db = await app.openDatabase();
    try {
      const pools = await db.query(
        'SELECT purchased, used FROM seats_pools WHERE account_id = $1',
        [accountId],
      );
      expect(pools.rows).toEqual([{ purchased: 12, used: 7 }]);
      const changes = await db.query<{ status: string; charged: string }>(
        `SELECT status, charged_amount::text AS charged FROM seats_changes WHERE account_id = $1`,
        [accountId],
      );
      expect(changes.rows).toEqual([{ status: 'applied', charged: String(expectedCharge) }]);
      const guests = await db.query(
        `SELECT count(*)::int AS guests FROM seats_members
          WHERE account_id = $1 AND role = 'guest' AND NOT consumes`,
        [accountId],
      );
      expect(guests.rows).toEqual([{ guests: 3 }]);
    } finally {
      await db.close();
    }
  });
});
