import type { FullSummary } from '@seats/client';
import { planAllowanceChange } from '@seats/core';
import { createFormat } from '@seats/react';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLayoutHolds } from './expect-layout-holds';
import { launchChromium } from './launch-chromium';
import { type AdminApp, captureFlow, startAdminApp } from './start-admin-app';

// Dazos CRM (seed 000): at the seat limit "Add user" leads to "Upgrade", where the admin types the
// number of ADDITIONAL seats; without billing permission the upgrade is not offered; a failed
// payment leaves the allowance as it was, and the attempt is recorded as a failed change.
const accountId = 'delta-upgrade-at-limit';
const format = createFormat('en');

describe('Dazos CRM: upgrading at the seat limit', () => {
  let app: AdminApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startAdminApp(), launchChromium()]);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${app.url}/#/users`);
    await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Dazos CRM demo' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('adds a user at the limit by buying the missing seat from "Add user", then creates the user', async () => {
    const before = (await app.client(accountId, 'owner').getSummary()) as FullSummary;
    const pool = before.pools[0];
    if (pool === undefined) throw new Error('the demo account has no pool');
    const expected = planAllowanceChange({
      account: before.account,
      pool,
      used: before.usage.pools[0]?.used ?? 0,
      policy: before.policy,
      viewerRole: 'owner',
      request: { poolId: pool.id, delta: 1 },
      now: new Date().toISOString(),
    });
    if (expected.status !== 'planned') throw new Error('the purchase should be possible');

    await page.getByText('10 of 10 used').waitFor();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Name').fill('Nadia Upgrade');
    await form.getByLabel('Email').fill('nadia@dazos.example');
    await form.getByRole('button', { name: 'Add user' }).click();

    const guard = page.getByRole('dialog', { name: 'You have reached your seat limit' });
    await guard.getByText('10 of 10 licences are in use.').waitFor();
    await expectLayoutHolds(page, 'Dazos: the guard at the seat limit');
    await guard.getByRole('button', { name: 'Upgrade' }).click();

    const upgrade = page.getByRole('dialog', { name: /User licences/ });
    expect(await upgrade.getByLabel('Number of additional users').inputValue()).toBe('1');
    const dueNow = upgrade.locator(
      '[data-part="due-now"] [data-part="total"] [data-part="amount"]',
    );
    await expect.poll(() => dueNow.textContent()).toBe(format.money(expected.plan.dueNow));
    await upgrade.getByRole('button', { name: 'Upgrade' }).click();

    const row = page.locator('tr', { hasText: 'nadia@dazos.example' });
    await row.waitFor();
    expect(await row.locator('[data-consumes]').getAttribute('data-consumes')).toBe('true');
    await page.getByText('11 of 11 used').waitFor();
    await captureFlow(page, 'dazos-add-user-after-purchase');

    const after = (await app.client(accountId, 'owner').getSummary()) as FullSummary;
    expect(after.pools[0]?.purchased).toBe(11);
    expect(after.usage.available).toBe(0);
  });

  it('hides the upgrade from a role without billing permission', async () => {
    await page.goto(`${app.url}/#/licences`);
    await page.getByRole('combobox', { name: 'Acting as' }).selectOption('admin');
    await page.getByRole('heading', { name: 'Licences' }).waitFor();
    await page.getByText('11 of 11 used').waitFor();
    expect(await page.getByRole('button', { name: 'Upgrade' }).count()).toBe(0);

    await page.getByRole('combobox', { name: 'Acting as' }).selectOption('owner');
    await page.getByRole('button', { name: 'Upgrade' }).waitFor();
  });

  it('says the payment failed and leaves the allowance as it was when the card is declined', async () => {
    const owner = app.client(accountId, 'owner');
    const before = (await owner.getSummary()) as FullSummary;
    const history = await owner.listChanges();

    await page.getByRole('button', { name: 'Make next payment fail' }).click();
    await page.getByRole('button', { name: 'Next payment will fail' }).waitFor();
    await page.getByRole('button', { name: 'Upgrade' }).click();
    const upgrade = page.getByRole('dialog');
    await upgrade.getByLabel('Number of additional users').fill('2');
    await upgrade.locator('[data-part="due-now"]').waitFor();
    await upgrade.getByRole('button', { name: 'Upgrade' }).click();

    const alert = upgrade.getByRole('alert');
    await alert
      .getByText('The payment failed and nothing was changed.', { exact: false })
      .waitFor();
    expect(await alert.getByRole('link', { name: 'Update payment method' }).count()).toBe(1);
    await captureFlow(page, 'dazos-payment-failed', false);
    await upgrade.getByRole('button', { name: 'Cancel' }).click();

    const after = (await owner.getSummary()) as FullSummary;
    expect(after.pools).toEqual(before.pools);
    const changes = (await owner.listChanges()).items;
    // The attempt is recorded, as failed and charged nothing; the history before it is unchanged.
    expect(changes.slice(1)).toEqual(history.items);
    expect(changes[0]).toMatchObject({ status: 'failed', charged: null, plan: { added: 2 } });
    await page.getByText('11 of 11 used').waitFor();
  });

  it('adds the typed number of additional seats with "Upgrade" on the licences page', async () => {
    await page.getByRole('button', { name: 'Upgrade' }).click();
    const upgrade = page.getByRole('dialog');
    await upgrade.getByText('You have 11 licences. Enter how many to add.').waitFor();
    await upgrade.getByLabel('Number of additional users').fill('2');
    await upgrade.getByText(/^2 licences × \$49\.00, /).waitFor();
    await upgrade.getByRole('button', { name: 'Upgrade' }).click();
    await upgrade.waitFor({ state: 'detached' });

    await page.getByText('11 of 13 used').waitFor();
    await page.getByText('2 free').first().waitFor();
    // Below the limit the upgrade is offered no more, as in the article.
    expect(await page.getByRole('button', { name: 'Upgrade' }).count()).toBe(0);
    await captureFlow(page, 'dazos-upgrade');
  });

  it('leaves the purchases, the new user and the failed payment, uncharged, in the database', async () => {
    await browser.close();
    await app.stop();
    const db = await app.openDatabase();
    try {
      const pools = await db.query<{ purchased: number; used: number }>(
        'SELECT purchased, used FROM seats_pools WHERE account_id = $1',
        [accountId],
      );
      expect(pools.rows).toEqual([{ purchased: 13, used: 11 }]);
      const members = await db.query<{ status: string; consumes: boolean }>(
        'SELECT status, consumes FROM seats_members WHERE account_id = $1 AND email = $2',
        [accountId, 'nadia@dazos.example'],
      );
      expect(members.rows).toEqual([{ status: 'active', consumes: true }]);
      const changes = await db.query<{ status: string; added: number; charged: string | null }>(
        `SELECT status, (plan->>'added')::int AS added, charged_amount::text AS charged
           FROM seats_changes WHERE account_id = $1 ORDER BY seq`,
        [accountId],
      );
      expect(changes.rows.map((row) => [row.status, row.added, row.charged !== null])).toEqual([
        ['applied', 1, true],
        ['failed', 2, false],
        ['applied', 2, true],
      ]);
      expect(changes.rows.every((row) => row.status === 'failed' || Number(row.charged) > 0)).toBe(
        true,
      );
    } finally {
      await db.close();
    }
  });
});
