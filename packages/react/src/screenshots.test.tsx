import { createSeatsClient } from '@seats/client';
import { createSeatsMsw } from '@seats/server/msw';
import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../styles.css';
import { worker } from '../test/mock-api';
import { AddUserGuard, AdjustAllowanceDialog, ar, SeatMeter, SeatsProvider } from './index';

// The baselines are Debian's Chromium with its fonts: another build draws text differently.
// After an intended change of the look: `pnpm vitest run --project react src/screenshots.test.tsx
// --update` in this package, then review the images in __screenshots__ before committing them.
const baselineBrowser = '/usr/bin/chromium';
const skipReason =
  __CHROMIUM__.executablePath === baselineBrowser
    ? null
    : `screenshots skipped: the baselines are drawn by ${baselineBrowser}, this run uses ${__CHROMIUM__.executablePath} (${__CHROMIUM__.source})`;
if (skipReason !== null) console.warn(`[seats] ${skipReason}`);

// Its own API on a fixed clock, so that renewal dates and prorations are the same on every day.
const baseUrl = '/api/seats-screenshots';
// Not started when the screenshots are skipped.
const api =
  skipReason === null
    ? await createSeatsMsw({ baseUrl, clock: () => new Date('2026-11-29T12:00:00Z') })
    : undefined;
if (api !== undefined) worker.use(...api.handlers);

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
  /** Right to left in Arabic. */
  isArabic: boolean;
}

const looks: Look[] = [
  { name: 'light', width: 1280, height: 800, theme: 'light', isArabic: false },
  { name: 'dark', width: 1280, height: 800, theme: 'dark', isArabic: false },
  { name: 'rtl', width: 1280, height: 800, theme: 'light', isArabic: true },
  { name: 'phone', width: 375, height: 812, theme: 'light', isArabic: false },
  // A 1280 × 800 window at 200 % zoom lays out 640 × 400 CSS pixels.
  { name: 'zoom-200', width: 640, height: 400, theme: 'light', isArabic: false },
];

/** The first element under `root` matching `selector`, once it is rendered. */
function findPart(root: ParentNode, selector: string): Promise<HTMLElement> {
  return waitFor(() => {
    const element = root.querySelector<HTMLElement>(selector);
    if (element === null) throw new Error(`Nothing matches ${selector}`);
    return element;
  });
}

describe.skipIf(skipReason !== null).each(looks)('looks $name', (look) => {
  const inLook = (account: string, role: string, children: ReactNode) =>
    look.isArabic ? (
      <SeatsProvider client={clientFor(account, role)} locale="ar" messages={ar}>
        {children}
      </SeatsProvider>
    ) : (
      <SeatsProvider client={clientFor(account, role)}>{children}</SeatsProvider>
    );

  beforeEach(async () => {
    await api?.reset();
    await page.viewport(look.width, look.height);
    const root = document.documentElement;
    root.dataset.theme = look.theme;
    root.dir = look.isArabic ? 'rtl' : 'ltr';
    root.lang = look.isArabic ? 'ar' : 'en';
    // The page paints the theme and sets a font, as a host page does.
    document.body.style.background = 'var(--seats-bg)';
    document.body.style.color = 'var(--seats-fg)';
    document.body.style.fontFamily = 'system-ui, sans-serif';
  });
  afterEach(() => {
    const root = document.documentElement;
    delete root.dataset.theme;
    root.dir = 'ltr';
    root.lang = 'en';
    document.body.removeAttribute('style');
  });
  afterAll(async () => {
    await page.viewport(1280, 800);
  });

  it('the meter with several licence types, contract end and storage (Commusoft)', async () => {
    const { container } = render(
      inLook('signed-contract-licence-types', 'owner-manager', <SeatMeter />),
    );
    const meter = await findPart(container, '[data-seats="meter"]');
    await waitFor(() => expect(meter.querySelectorAll('[role="meter"]').length).toBeGreaterThan(1));
    await expect
      .element(page.elementLocator(meter))
      .toMatchScreenshot(`meter-${look.name}`, tolerance);
  });

  it('the adjust dialog with its priced plan (Dazos buying 2 more)', async () => {
    const user = userEvent.setup();
    const { container } = render(
      inLook('delta-upgrade-at-limit', 'owner', <AdjustAllowanceDialog />),
    );
    await user.click(await findPart(container, '[data-seats="adjust-trigger"]'));
    const dialog = await findPart(document.body, '[role="dialog"]');
    await user.type(await findPart(dialog, 'input[data-part="input"]'), '2');
    await findPart(dialog, '[data-part="plan"][data-kind="increase"]');
    await findPart(dialog, '[data-part="submit"][data-state="ready"]');
    await expect
      .element(page.elementLocator(dialog))
      .toMatchScreenshot(`adjust-${look.name}`, tolerance);
  });

  it('the adjust dialog asking to accept the linked terms (OpenCRM adding one)', async () => {
    const user = userEvent.setup();
    const { container } = render(
      inLook(
        'total-with-terms-no-self-decrease',
        'System Admin',
        <AdjustAllowanceDialog termsHref="/terms" />,
      ),
    );
    await user.click(await findPart(container, '[data-seats="adjust-trigger"]'));
    const dialog = await findPart(document.body, '[role="dialog"]');
    await user.click(await findPart(dialog, '[data-part="increment"]'));
    await findPart(dialog, '[data-part="terms"]');
    await findPart(dialog, '[data-part="plan"][data-kind="increase"]');
    await expect
      .element(page.elementLocator(dialog))
      .toMatchScreenshot(`adjust-terms-${look.name}`, tolerance);
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
    const { container } = render(
      inLook(
        'total-with-terms-no-self-decrease',
        'System Admin',
        <AddUserGuard onProceed={() => {}}>
          {look.isArabic ? 'مستخدم جديد' : 'New User'}
        </AddUserGuard>,
      ),
    );
    await user.click(await findPart(container, '[data-seats="guard"][data-state="blocked"]'));
    const guard = await findPart(document.body, '[role="dialog"]');
    await expect
      .element(page.elementLocator(guard))
      .toMatchScreenshot(`guard-${look.name}`, tolerance);
  });
});
