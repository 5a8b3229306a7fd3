import type { FullSummary } from '@seats/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLayoutHolds } from './expect-layout-holds';
import { launchChromium } from './launch-chromium';
import { type AdminApp, captureFlow, startAdminApp } from './start-admin-app';

// The development clock moves time forward and runs the period-end job: the removal scheduled for
// the end of the period applies, and the Billing page shows the new period's recurring charge.
const accountId = 'scheduled-removal-with-restore';
const admin = 'company-admin';
const usd = (minor: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(minor / 100);

describe('the development clock and the Billing page', () => {
  let app: AdminApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startAdminApp(), launchChromium()]);
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${app.url}/#/billing`);
    await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Dialpad demo' });
    await page.getByRole('heading', { name: 'Billing', exact: true }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('applies a scheduled removal and charges the next period when the clock passes its end', async () => {
    const client = app.client(accountId, admin);
    const quote = await client.createQuote({ poolId: 'standard', delta: -3 });
    expect((await client.commitChange({ quoteId: quote.id })).status).toBe('scheduled');
    const before = (await client.getSummary()) as FullSummary;
    const standard = before.pools.find((pool) => pool.id === 'standard');
    if (standard === undefined) throw new Error('the demo account has a standard pool');
    await page.getByText('No period has ended yet').waitFor();
    await expectLayoutHolds(page, 'Dialpad: the Billing page before a period ends');

    await page.getByRole('button', { name: '+1 month' }).click();
    await page.getByRole('status').filter({ hasText: '1 removal applied' }).waitFor();

    const after = (await client.getSummary()) as FullSummary;
    expect(after.account.billingPeriod.start).toBe(before.account.billingPeriod.end);
    expect(after.pools.find((pool) => pool.id === 'standard')?.purchased).toBe(
      standard.purchased - 3,
    );
    // The new period bills every licence left, each at its price.
    const total = after.pools.reduce((sum, pool) => sum + pool.purchased * pool.unitPrice, 0);
    const periods = page.getByRole('table', { name: 'Recurring charges, newest first' });
    await periods
      .getByRole('row')
      .filter({ hasText: 'Paid' })
      .filter({ hasText: usd(total) })
      .waitFor();
    const ledger = page.getByRole('table', { name: 'Newest first', exact: true });
    await ledger
      .getByRole('row')
      .filter({ hasText: usd(total) })
      .waitFor();
    const invoice = page.getByRole('table', { name: /^On / });
    expect(await invoice.getByRole('row', { name: /Total/ }).textContent()).toContain(usd(total));
    await captureFlow(page, 'billing-clock');
  });
});
