import type { FullSummary } from '@seats/client';
import { createFormat, en as t } from '@seats/react';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLayoutHolds } from './expect-layout-holds';
import { launchChromium } from './launch-chromium';
import { type AdminApp, captureFlow, startAdminApp } from './start-admin-app';

// Dialpad (seed 002): licences and add-ons bought mid-cycle are prorated; removals are scheduled
// for the end of the billing cycle and can be restored at no charge until then, either by
// "purchasing" up to the scheduled number or by restoring the scheduled removal.
const accountId = 'scheduled-removal-with-restore';
const admin = 'company-admin';
const f = createFormat('en');

describe('Dialpad: prorated purchases, scheduled removals and restore', () => {
  let app: AdminApp;
  let browser: Browser;
  let page: Page;

  let periodEnd = () => '';
  const card = (pool: string) => page.getByRole('article', { name: pool });
  const openAdjust = async (pool: string) => {
    await card(pool).getByRole('button', { name: 'Manage Licenses' }).click();
    return page.getByRole('dialog', { name: new RegExp(pool) });
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startAdminApp(), launchChromium()]);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${app.url}/#/licences`);
    await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Dialpad demo' });
    await page.getByRole('heading', { name: 'Licences' }).waitFor();
    const { account } = (await app.client(accountId, admin).getSummary()) as FullSummary;
    periodEnd = () => account.billingPeriod.end;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('prorates an add-on bought mid-cycle to the rest of the billing period', async () => {
    const summary = (await app.client(accountId, admin).getSummary()) as FullSummary;
    const addOn = summary.pools.find((pool) => pool.id === 'contact-center');
    if (addOn === undefined) throw new Error('the demo account has a Contact Center add-on');

    const dialog = await openAdjust('Contact Center add-on');
    await dialog.getByLabel(t.inputLabel({ input: 'delta', direction: 'add' }, f)).fill('1');
    const charge = dialog.locator('[data-part="line"][data-kind="prorated-charge"]');
    await charge.waitFor();
    // Prorated in whole days, as the words say: price x days / days of the period, to the cent.
    const words = /^1 licence × \$([\d.,]+), (\d+) of (\d+) days\$([\d.,]+)$/.exec(
      (await charge.textContent()) ?? '',
    );
    if (words === null) throw new Error(`the charge reads "${await charge.textContent()}"`);
    const [, price, days, ofDays, amount] = words.map((word) => Number(word.replace(/,/g, '')));
    const cents = (value: number | undefined) => Math.round((value as number) * 100);
    expect(Math.round((cents(price) * (days as number)) / (ofDays as number))).toBe(cents(amount));
    await dialog.getByRole('button', { name: 'Confirm Purchase' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card('Contact Center add-on')
      .getByText(t.usage({ used: 2, purchased: 6 }, f))
      .waitFor();

    const [change] = (await app.client(accountId, admin).listChanges()).items;
    expect(change?.plan.added).toBe(1);
    // A part of the period costs less than the full price, and something.
    expect(change?.charged?.amount).toBeGreaterThan(0);
    expect(change?.charged?.amount).toBeLessThanOrEqual(addOn.unitPrice);
    expect(change?.charged?.amount).toBe(change?.plan.dueNow.amount);
  });

  it('schedules a removal for the end of the billing cycle', async () => {
    const dialog = await openAdjust('Dialpad licences');
    await dialog.getByRole('radio', { name: 'Remove Licenses' }).check();
    await dialog.getByLabel(t.inputLabel({ input: 'delta', direction: 'remove' }, f)).fill('3');
    const plan = dialog.locator('[data-part="plan"]');
    await plan.waitFor();
    expect(await plan.getAttribute('data-result')).toBe('scheduled');
    await dialog.getByRole('button', { name: 'Remove Licenses' }).click();
    await dialog.getByRole('status').waitFor();
    await dialog.getByRole('button', { name: t.close(undefined, f) }).click();

    await card('Dialpad licences')
      .getByText(t.scheduledRemoval({ count: 3, date: periodEnd() }, f))
      .waitFor();
    // Still usable until then: the removal does not take licences away today.
    await card('Dialpad licences')
      .getByText(t.usage({ used: 15, purchased: 20 }, f))
      .waitFor();
    await page
      .getByRole('list', { name: 'Pending changes' })
      .getByRole('button', { name: 'Restore 3' })
      .waitFor();
  });

  it('restores scheduled licences at no charge by purchasing up to the scheduled number', async () => {
    const dialog = await openAdjust('Dialpad licences');
    await dialog.getByRole('radio', { name: 'Add Licenses' }).check();
    await dialog.getByLabel(t.inputLabel({ input: 'delta', direction: 'add' }, f)).fill('2');
    await dialog.locator('[data-part="line"][data-kind="restore"]').waitFor();
    expect(
      await dialog
        .locator('[data-part="due-now"] [data-part="total"] [data-part="amount"]')
        .textContent(),
    ).toBe(f.money({ amount: 0, currency: 'USD' }));
    await dialog.getByRole('button', { name: 'Confirm Purchase' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card('Dialpad licences')
      .getByText(t.scheduledRemoval({ count: 1, date: periodEnd() }, f))
      .waitFor();
    const [restore] = (await app.client(accountId, admin).listChanges()).items;
    expect(restore?.plan.kind).toBe('restore');
    expect(restore?.plan.restored).toBe(2);
    expect(restore?.charged).toBeNull();
  });

  it('restores the rest of a scheduled removal from the pending changes', async () => {
    const pending = page.getByRole('list', { name: 'Pending changes' });
    await pending
      .getByText(/remove 1 of the 3 licences scheduled for .* \(2 kept by a purchase\)/)
      .waitFor();
    await pending.getByRole('button', { name: 'Restore 1' }).click();
    await page.getByText('Nothing is scheduled or waiting for a signature.').waitFor();
    // The history keeps the removal as it was asked, with what the purchase kept of it.
    const removal = page.getByRole('row', { name: /remove 3 licences on .* \(20 → 17\)/ });
    await removal.getByText('Cancelled · 2 of 3 kept by a purchase').waitFor();
    const dialpad = card('Dialpad licences');
    await dialpad.getByText(t.usage({ used: 15, purchased: 20 }, f)).waitFor();
    expect(await dialpad.locator('[data-part="scheduled-removal"]').count()).toBe(0);
    await captureFlow(page, 'dialpad-restore');
  });

  it('a licensed user can also hold the Contact Center add-on, ticked on the users page', async () => {
    const client = app.client(accountId, admin);
    const user = (
      await client.listMembers({ role: 'user', status: 'active', limit: 200 })
    ).items.find((member) => member.poolId === 'standard' && member.addOnIds.length === 0);
    if (user === undefined) throw new Error('the demo account has users without the add-on');
    await page.getByRole('link', { name: 'Users' }).click();
    const row = page.locator(`tr[data-member="${user.email}"]`);
    await row.getByRole('checkbox', { name: `Contact Center add-on of ${user.name}` }).check();
    await row.getByRole('button', { name: `Save changes of ${user.name}` }).click();
    await expect
      .poll(async () =>
        (await client.listMembers({ poolId: 'contact-center', limit: 200 })).items.map(
          (member) => member.id,
        ),
      )
      .toContain(user.id);
    const summary = (await client.getSummary()) as FullSummary;
    expect(summary.usage.pools.map((pool) => [pool.poolId, pool.used])).toEqual([
      ['standard', 15],
      ['contact-center', 3],
    ]);
    await expectLayoutHolds(page, 'Dialpad: the Users page with its add-on column');
  });

  it('leaves the licences as before the removal, and only the add-on charged, in the database', async () => {
    await browser.close();
    await app.stop();
    const db = await app.openDatabase();
    try {
      const pools = await db.query(
        `SELECT id, purchased, scheduled_removal FROM seats_pools WHERE account_id = $1 ORDER BY id`,
        [accountId],
      );
      expect(pools.rows).toEqual([
        { id: 'contact-center', purchased: 6, scheduled_removal: 0 },
        { id: 'standard', purchased: 20, scheduled_removal: 0 },
      ]);
      const changes = await db.query<{ kind: string; status: string; charged: string | null }>(
        `SELECT plan->>'kind' AS kind, status, charged_amount::text AS charged
           FROM seats_changes WHERE account_id = $1 ORDER BY seq`,
        [accountId],
      );
      expect(changes.rows.map(({ kind, status }) => `${kind} ${status}`)).toEqual([
        'increase applied',
        'decrease cancelled',
        'restore applied',
        'restore applied',
      ]);
      expect(changes.rows.filter((change) => change.charged !== null)).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
