import { readFile } from 'node:fs/promises';
import type { FullSummary } from '@seats/client';
import { createFormat, en as t } from '@seats/react';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './launch-chromium';
import { type AdminApp, captureFlow, startAdminApp } from './start-admin-app';

// Commusoft (seed 004): contracted, monthly and daily licences each with a bar, storage against an
// allowance per licence; a purchase is confirmed by an e-signature sent by email and stays pending
// until signed; only non-contracted licences can be deleted, never one assigned to a user; only
// owner/manager and financial office see licences.
const accountId = 'signed-contract-licence-types';
const admin = 'owner-manager';
const f = createFormat('en');
const gigabyte = 1_000_000_000;

describe('Commusoft: licence types, e-signature, deleting non-contracted licences', () => {
  let app: AdminApp;
  let browser: Browser;
  let page: Page;

  const card = (pool: string) => page.getByRole('article', { name: pool });
  // Commusoft's "Purchase new..." link under each licence type's bar.
  const openAdjust = async (pool: string, term: string) => {
    await card(pool)
      .getByRole('button', { name: `Purchase new ${term} licenses` })
      .click();
    return page.getByRole('dialog', { name: new RegExp(pool) });
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startAdminApp(), launchChromium()]);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${app.url}/#/licences`);
    await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Commusoft demo' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('shows a bar per licence type, the contract and storage against the allowance', async () => {
    const { account } = (await app.client(accountId, admin).getSummary()) as FullSummary;
    if (account.contract.kind !== 'contracted') throw new Error('the demo account is contracted');
    const until = account.contract.end;

    await card('Contracted licences')
      .getByText(t.usage({ used: 9, purchased: 10 }, f))
      .waitFor();
    await card('Monthly licences')
      .getByText(t.usage({ used: 3, purchased: 4 }, f))
      .waitFor();
    await card('Daily licences')
      .getByText(t.usage({ used: 1, purchased: 2 }, f))
      .waitFor();
    expect(await page.getByRole('meter').count()).toBeGreaterThanOrEqual(5);
    await page
      .getByText(t.storage({ usedBytes: 212 * gigabyte, allowanceBytes: 280 * gigabyte }, f))
      .waitFor();
    await page
      .getByText(t.contractEnds({ date: until }, f))
      .first()
      .waitFor();
    await card('Contracted licences')
      .getByText(
        t.changeInfo(
          {
            change: 'decrease',
            availability: { allowed: false, reason: 'contracted-until', until },
          },
          f,
        ),
      )
      .waitFor();
  });

  it('keeps a purchase pending until the e-signature from the outbox, then adds the licences', async () => {
    const dialog = await openAdjust('Monthly licences', 'monthly');
    await dialog.getByLabel(t.inputLabel({ input: 'delta', direction: 'add' }, f)).fill('2');
    await dialog.getByText(t.signatureNotice(undefined, f)).waitFor();
    await dialog.locator('[data-part="line"]').first().waitFor();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog
      .getByRole('status')
      .getByText('Waiting for your e-signature', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: t.close(undefined, f) }).click();

    const monthly = card('Monthly licences');
    await monthly.getByText(t.pendingSignature({ count: 2 }, f)).waitFor();
    await monthly.getByText(t.usage({ used: 3, purchased: 4 }, f)).waitFor();

    await page.getByRole('link', { name: 'Sign in the outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    const message = page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
    await expect.poll(() => message.count()).toBe(1);
    await message.getByRole('button', { name: 'Sign purchase' }).click();
    await message.getByRole('status').getByText('Signed').waitFor();
    await captureFlow(page, 'commusoft-signed-outbox', false);

    await page.getByRole('link', { name: 'Licences' }).click();
    await monthly.getByText(t.usage({ used: 3, purchased: 6 }, f)).waitFor();
    expect(await monthly.locator('[data-part="pending-signature"]').count()).toBe(0);
    await page
      .getByText(t.storage({ usedBytes: 212 * gigabyte, allowanceBytes: 320 * gigabyte }, f))
      .waitFor();

    // "Click to download a PDF copy of your signed contracts."
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download signed contract' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^signed-contract-chg_\w+\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('deletes an unassigned daily licence at once, and never one assigned to a user', async () => {
    const dialog = await openAdjust('Daily licences', 'daily');
    await dialog.getByRole('radio', { name: 'Delete licenses' }).check();
    const count = dialog.getByLabel(t.inputLabel({ input: 'delta', direction: 'remove' }, f));
    await count.fill('2');
    await dialog
      .getByText(
        t.planIssue(
          { issue: { field: 'delta', code: 'below-assigned', limit: 1, floor: 'holders' } },
          f,
        ),
      )
      .waitFor();
    await count.fill('1');
    await dialog.locator('[data-part="plan"][data-result="applied"]').waitFor();
    await dialog.getByRole('button', { name: 'Delete license(s)' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card('Daily licences')
      .getByText(t.usage({ used: 1, purchased: 1 }, f))
      .waitFor();
    await captureFlow(page, 'commusoft-licences');
  });

  it('shows no licences to a role other than owner/manager or financial office', async () => {
    await page.getByRole('combobox', { name: 'Acting as' }).selectOption('engineer');
    await page.getByText(t.noAccess(undefined, f)).first().waitFor();
    expect(await page.getByRole('meter').count()).toBe(0);
  });

  it('leaves the signed purchase and the deleted daily licence in the database', async () => {
    await browser.close();
    await app.stop();
    const db = await app.openDatabase();
    try {
      const pools = await db.query(
        `SELECT id, purchased, pending_signature FROM seats_pools WHERE account_id = $1 ORDER BY id`,
        [accountId],
      );
      expect(pools.rows).toEqual([
        { id: 'contracted', purchased: 10, pending_signature: 0 },
        { id: 'daily', purchased: 1, pending_signature: 0 },
        { id: 'monthly', purchased: 6, pending_signature: 0 },
      ]);
      const changes = await db.query<{ pool_id: string; status: string; signed: boolean }>(
        `SELECT pool_id, status, signed_at IS NOT NULL AS signed
           FROM seats_changes WHERE account_id = $1 ORDER BY seq`,
        [accountId],
      );
      expect(changes.rows).toEqual([
        { pool_id: 'monthly', status: 'applied', signed: true },
        { pool_id: 'daily', status: 'applied', signed: false },
      ]);
    } finally {
      await db.close();
    }
  });
});
