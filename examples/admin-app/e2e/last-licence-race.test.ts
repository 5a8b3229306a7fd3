import type { FullSummary } from '@seats/client';
import { createFormat, en as t } from '@seats/react';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './launch-chromium';
import { type AdminApp, captureFlow, startAdminApp } from './start-admin-app';

// Two admins in two tabs both see one licence left and both press "Add user" at once: the
// database lets exactly one through; the other tab is refused (409) or offered the guard.
const accountId = 'delta-upgrade-at-limit';
const f = createFormat('en');
// Dazos's own words for the guard at the seat limit.
const dazosGuardTitle = 'You have reached your seat limit';

describe('two tabs racing for the last licence', () => {
  let app: AdminApp;
  let browser: Browser;
  let context: BrowserContext;
  let tabs: Page[];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startAdminApp(), launchChromium()]);
    context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    tabs = [await context.newPage(), await context.newPage()];
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('lets exactly one tab add a user with the last licence; the other sees the refusal', async () => {
    const [first, second] = tabs;
    if (first === undefined || second === undefined) throw new Error('two tabs');
    await first.goto(`${app.url}/#/users`);
    await first
      .getByRole('combobox', { name: 'Account' })
      .selectOption({ label: 'Dazos CRM demo' });
    await first.getByText(t.usage({ used: 10, purchased: 10 }, f)).waitFor();

    // Free one licence, as an admin would, so that exactly one is left.
    const api = app.client(accountId, 'owner');
    const member = (await api.listMembers({ role: 'member', status: 'active' })).items[0];
    if (member === undefined) throw new Error('the demo account has active members');
    await first
      .getByRole('combobox', { name: `Status of ${member.name}` })
      .selectOption('inactive');
    await first.getByRole('button', { name: `Save changes of ${member.name}` }).click();
    await first.getByText(t.usage({ used: 9, purchased: 10 }, f)).waitFor();

    await second.goto(`${app.url}/#/users`);
    await second.getByText(t.usage({ used: 9, purchased: 10 }, f)).waitFor();
    const emails = ['first.tab@dazos.example', 'second.tab@dazos.example'];
    for (const [index, tab] of tabs.entries()) {
      const form = tab.getByRole('form', { name: 'New user' });
      await form.getByLabel('Name').fill(`Tab ${index + 1}`);
      await form.getByLabel('Email').fill(emails[index] as string);
      expect(await form.locator('[data-seats="guard"]').getAttribute('data-state')).toBe('allowed');
    }

    await Promise.all(
      tabs.map((tab) =>
        tab
          .getByRole('form', { name: 'New user' })
          .getByRole('button', { name: 'Add user' })
          .click(),
      ),
    );

    const outcome = async (tab: Page, email: string) => {
      const created = tab.locator('tr', { hasText: email });
      const refused = tab.locator('.app-toast[data-tone="error"]');
      const guard = tab.getByRole('dialog', { name: dazosGuardTitle });
      await created.or(refused).or(guard).first().waitFor();
      if (await created.count()) return 'created';
      return (await refused.count()) ? 'refused' : 'guarded';
    };
    const outcomes = await Promise.all(
      tabs.map((tab, index) => outcome(tab, emails[index] as string)),
    );
    expect(outcomes.filter((result) => result === 'created')).toHaveLength(1);
    expect(outcomes.filter((result) => result !== 'created')).toHaveLength(1);

    const loser = tabs[outcomes.indexOf('created') === 0 ? 1 : 0] as Page;
    await loser.getByText(t.usage({ used: 10, purchased: 10 }, f)).waitFor();
    if (outcomes.includes('refused')) {
      // After the refusal the tab knows the pool is full: trying again opens the guard.
      await loser
        .getByRole('form', { name: 'New user' })
        .getByRole('button', { name: 'Add user' })
        .click();
    }
    await loser.getByRole('dialog', { name: dazosGuardTitle }).waitFor();
    await captureFlow(loser, 'last-licence-race-loser', false);

    const summary = (await api.getSummary()) as FullSummary;
    expect(summary.usage.used).toBe(10);
    expect(summary.usage.available).toBe(0);
  });

  it('holds exactly one of the two users and no more consuming members than licences', async () => {
    await browser.close();
    await app.stop();
    const db = await app.openDatabase();
    try {
      const added = await db.query(
        `SELECT count(*)::int AS added FROM seats_members
          WHERE account_id = $1 AND email LIKE '%.tab@dazos.example'`,
        [accountId],
      );
      expect(added.rows).toEqual([{ added: 1 }]);
      const pool = await db.query(
        `SELECT p.purchased, p.used,
                (SELECT count(*)::int FROM seats_members m
                  WHERE m.account_id = p.account_id AND m.pool_id = p.id AND m.consumes) AS consuming
           FROM seats_pools p WHERE p.account_id = $1`,
        [accountId],
      );
      expect(pool.rows).toEqual([{ purchased: 10, used: 10, consuming: 10 }]);
    } finally {
      await db.close();
    }
  });
});
