import { createSeatsClient } from '@seats/client';
import { createSeatsMsw } from '@seats/server/msw';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../styles.css';
import { worker } from '../test/mock-api';
import { AddUserGuard, AdjustAllowanceDialog, SeatMeter, SeatsProvider } from './index';

// The baselines are Debian's Chromium with its fonts: another build draws text differently.
const baselineBrowser = '/usr/bin/chromium';
const skipReason =
  __CHROMIUM__.executablePath === baselineBrowser
    ? null
    : `screenshots skipped: the baselines are drawn by ${baselineBrowser}, this run uses ${__CHROMIUM__.executablePath} (${__CHROMIUM__.source})`;
if (skipReason !== null) console.warn(`[seats] ${skipReason}`);

// Its own API on a fixed clock, so that renewal dates and prorations are the same on every day.
const baseUrl = '/api/seats-screenshots';
const api = await createSeatsMsw({ baseUrl, clock: () => new Date('2026-11-29T12:00:00Z') });
worker.use(...api.handlers);

function clientFor(account: string, role: string) {
  return createSeatsClient({
    baseUrl,
    headers: { 'x-seats-account': account, 'x-seats-role': role },
  });
}

// A locator, not an element: `expect.element` then asserts once instead of polling the comparison.
/**
 * A real layout change (a padding, a wrap, a line that moves) changes thousands of pixels; the
 * tolerance absorbs only anti-aliasing noise.
 */
const tolerance = {
  comparatorName: 'pixelmatch',
  comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.002 },
} as const;

interface Look {
  name: string;
  width: number;
  height: number;
  theme: 'light' | 'dark';
  dir: 'ltr' | 'rtl';
}

const looks: Look[] = [
  { name: 'light', width: 1280, height: 800, theme: 'light', dir: 'ltr' },
  { name: 'dark', width: 1280, height: 800, theme: 'dark', dir: 'ltr' },
  { name: 'rtl', width: 1280, height: 800, theme: 'light', dir: 'rtl' },
  { name: 'phone', width: 375, height: 812, theme: 'light', dir: 'ltr' },
  // A 1280 × 800 window at 200 % zoom lays out 640 × 400 CSS pixels.
  { name: 'zoom-200', width: 640, height: 400, theme: 'light', dir: 'ltr' },
];

describe.skipIf(skipReason !== null).each(looks)('looks $name', (look) => {
  beforeEach(async () => {
    await api.reset();
    await page.viewport(look.width, look.height);
    const root = document.documentElement;
    root.dataset.theme = look.theme;
    root.dir = look.dir;
    // The page paints the theme and sets a font, as a host page does.
    document.body.style.background = 'var(--seats-bg)';
    document.body.style.color = 'var(--seats-fg)';
    document.body.style.fontFamily = 'system-ui, sans-serif';
  });
  afterEach(() => {
    const root = document.documentElement;
    delete root.dataset.theme;
    root.dir = 'ltr';
    document.body.removeAttribute('style');
  });
  afterAll(async () => {
    await page.viewport(1280, 800);
  });

  it('the meter with several licence types, contract end and storage (Commusoft)', async () => {
    const { container } = render(
      <SeatsProvider
        client={clientFor('signed-contract-licence-types', 'owner-manager')}
        dir={look.dir}
      >
        <SeatMeter />
      </SeatsProvider>,
    );
    await waitFor(() => expect(screen.getAllByRole('meter').length).toBeGreaterThan(1));
    const meter = container.querySelector<HTMLElement>('[data-seats="meter"]');
    if (meter === null) throw new Error('no meter');
    await expect
      .element(page.elementLocator(meter))
      .toMatchScreenshot(`meter-${look.name}`, tolerance);
  });

  it('the adjust dialog with its priced plan (Dazos buying 2 more)', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')} dir={look.dir}>
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Upgrade' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Number of additional users'), '2');
    await waitFor(() =>
      expect(dialog.querySelector('[data-part="plan"][data-kind="increase"]')).not.toBeNull(),
    );
    await waitFor(() =>
      expect(dialog.querySelector('[data-part="submit"]')?.getAttribute('data-state')).toBe(
        'ready',
      ),
    );
    await expect
      .element(page.elementLocator(dialog))
      .toMatchScreenshot(`adjust-${look.name}`, tolerance);
  });

  it('the add-user guard at zero available with every remedy (OpenCRM)', async () => {
    const user = userEvent.setup();
    const admin = clientFor('total-with-terms-no-self-decrease', 'System Admin');
    for (const name of ['Uma', 'Vic', 'Wes']) {
      await admin.createMember({
        name: `${name} New`,
        email: `${name.toLowerCase()}@opencrm.example`,
        status: 'Active',
        role: 'Standard User',
        poolId: 'users',
      });
    }
    render(
      <SeatsProvider client={admin} dir={look.dir}>
        <AddUserGuard onProceed={() => {}}>New User</AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'New User' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    const guard = await screen.findByRole('dialog');
    await expect
      .element(page.elementLocator(guard))
      .toMatchScreenshot(`guard-${look.name}`, tolerance);
  });
});
