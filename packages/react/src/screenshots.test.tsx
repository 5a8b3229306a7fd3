import { createSeatsClient, type SeatsClient } from '@seats/client';
import { demoPassword } from '@seats/server/demo';
import { createSeatsMsw } from '@seats/server/msw';
import { render, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { delay, http } from 'msw';
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

function clientFor(account: string, role?: string) {
  return createSeatsClient({
    baseUrl,
    headers: {
      'x-seats-account': account,
      ...(role === undefined ? {} : { 'x-seats-role': role }),
    },
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

/** One state of a dialog: the account it starts from, and the steps that reach it. */
interface DialogState {
  name: string;
  account: string;
  /** @default the first role of the preset that may change licences */
  role?: string;
  widget: ReactNode;
  setup?: (client: SeatsClient) => Promise<void>;
  /** Reaches the state from the rendered widget; resolves to the element to picture. */
  reach: (user: UserEvent, container: HTMLElement) => Promise<HTMLElement>;
}

/** Opens the adjust dialog from its trigger and types `typed` (after choosing removal with `remove`). */
async function openAdjust(user: UserEvent, container: HTMLElement, typed = '', remove = false) {
  await user.click(await findPart(container, '[data-seats="adjust-trigger"]'));
  const dialog = await findPart(document.body, '[role="dialog"][data-seats="adjust"]');
  if (remove) await user.click(await findPart(dialog, 'input[type="radio"][value="remove"]'));
  if (typed !== '') await user.type(await findPart(dialog, 'input[data-part="input"]'), typed);
  return dialog;
}

/** Opens the guard's dialog from its blocked control. */
async function openGuard(user: UserEvent, container: HTMLElement) {
  await user.click(await findPart(container, '[data-seats="guard"][data-state="blocked"]'));
  return findPart(document.body, '[role="dialog"][data-seats="guard-dialog"]');
}

/** Three more standard users, so that every licence is used and some can be freed. */
const fillUp =
  (domain: string, status: string, role: string, poolId: string) => async (client: SeatsClient) => {
    for (const name of ['Uma', 'Vic', 'Wes']) {
      await client.createMember({
        name: `${name} New`,
        email: `${name.toLowerCase()}@${domain}`,
        status,
        role,
        poolId,
      });
    }
  };

const guard = <AddUserGuard onProceed={() => {}}>Add user</AddUserGuard>;

// Every state of the adjust dialog and of the guard not pictured above, the member picker included.
const states: DialogState[] = [
  {
    name: 'adjust-below-assigned',
    account: 'signed-contract-licence-types',
    widget: <AdjustAllowanceDialog poolId="monthly" />,
    reach: async (user, container) => {
      const dialog = await openAdjust(user, container, '2', true);
      await findPart(dialog, '[data-part="issue"][data-code="below-assigned"]');
      return dialog;
    },
  },
  {
    name: 'adjust-contracted',
    account: 'signed-contract-licence-types',
    widget: <AdjustAllowanceDialog poolId="contracted" />,
    reach: async (user, container) => {
      const dialog = await openAdjust(user, container, '-1');
      await findPart(dialog, '[data-part="issue"][data-code="contracted-until"]');
      return dialog;
    },
  },
  {
    name: 'adjust-decrease-immediate',
    account: 'signed-contract-licence-types',
    widget: <AdjustAllowanceDialog poolId="monthly" />,
    reach: async (user, container) => {
      const dialog = await openAdjust(user, container, '1', true);
      await findPart(dialog, '[data-part="line"][data-kind="prorated-credit"]');
      return dialog;
    },
  },
  {
    name: 'adjust-decrease-scheduled',
    account: 'scheduled-removal-with-restore',
    widget: <AdjustAllowanceDialog poolId="standard" />,
    reach: async (user, container) => {
      const dialog = await openAdjust(user, container, '2', true);
      await findPart(dialog, '[data-part="plan"]');
      return dialog;
    },
  },
  {
    name: 'adjust-decrease-refused',
    account: 'total-with-terms-no-self-decrease',
    widget: <AdjustAllowanceDialog />,
    reach: async (user, container) => {
      const dialog = await openAdjust(user, container);
      const input = await findPart(dialog, 'input[data-part="input"]');
      await user.clear(input);
      await user.type(input, '10');
      await findPart(dialog, '[data-part="issue"][data-code="decrease-not-allowed"]');
      return dialog;
    },
  },
  {
    name: 'adjust-e-signature',
    account: 'signed-contract-licence-types',
    widget: <AdjustAllowanceDialog poolId="monthly" />,
    reach: async (user, container) => {
      const dialog = await openAdjust(user, container, '2');
      await findPart(dialog, '[data-part="plan"][data-result="pending-signature"]');
      await user.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
      await findPart(dialog, '[data-part="result"]');
      return dialog;
    },
  },
  {
    name: 'adjust-explained',
    account: 'daily-prorated-with-password',
    role: 'admin',
    widget: <AdjustAllowanceDialog />,
    reach: async (_user, container) => {
      const wrapper = await findPart(container, '[data-seats="adjust-trigger"]');
      await findPart(wrapper, '[data-part="explanation"]');
      return wrapper;
    },
  },
  {
    name: 'adjust-password',
    account: 'daily-prorated-with-password',
    role: 'owner',
    widget: <AdjustAllowanceDialog />,
    reach: async (user, container) => {
      const dialog = await openAdjust(user, container);
      await user.click(await findPart(dialog, '[data-part="increment"]'));
      await user.click(await findPart(dialog, '[data-part="increment"]'));
      await findPart(dialog, '[data-part="line"][data-kind="prorated-charge"]');
      await user.type(await findPart(dialog, '[data-part="password"] input'), demoPassword);
      await findPart(dialog, '[data-part="submit"][data-state="ready"]');
      return dialog;
    },
  },
  {
    name: 'adjust-payment-failed',
    account: 'delta-upgrade-at-limit',
    role: 'owner',
    widget: <AdjustAllowanceDialog paymentMethodHref="#billing/payment-method" />,
    setup: async () => api?.faults.failNextPayment(),
    reach: async (user, container) => {
      const dialog = await openAdjust(user, container, '1');
      await user.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
      await findPart(dialog, '[data-part="error"]');
      return dialog;
    },
  },
  {
    name: 'adjust-quote-loading',
    account: 'delta-upgrade-at-limit',
    role: 'owner',
    widget: <AdjustAllowanceDialog />,
    // The first quote never answers.
    setup: async () =>
      worker.use(http.post(`*${baseUrl}/v1/quotes`, () => delay('infinite'), { once: true })),
    reach: async (user, container) => {
      const dialog = await openAdjust(user, container, '2');
      await findPart(dialog, '[data-part="quote"][data-state="loading"]');
      return dialog;
    },
  },
  {
    name: 'adjust-restore',
    account: 'scheduled-removal-with-restore',
    widget: <AdjustAllowanceDialog poolId="standard" />,
    setup: async (client) => {
      const quote = await client.createQuote({ poolId: 'standard', delta: -2 });
      await client.commitChange({ quoteId: quote.id });
    },
    reach: async (user, container) => {
      const dialog = await openAdjust(user, container);
      await user.click(await findPart(dialog, 'button[data-part="restore"]'));
      await findPart(dialog, '[data-part="plan"]');
      return dialog;
    },
  },
  {
    name: 'adjust-stale-quote',
    account: 'delta-upgrade-at-limit',
    role: 'owner',
    widget: <AdjustAllowanceDialog />,
    reach: async (user, container) => {
      const dialog = await openAdjust(user, container, '1');
      await findPart(dialog, '[data-part="plan"]');
      const other = clientFor('delta-upgrade-at-limit', 'billing-admin');
      await other.commitChange({
        quoteId: (await other.createQuote({ poolId: 'users', delta: 3 })).id,
      });
      await user.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
      await findPart(dialog, '[data-part="submit"][data-state="ready"]');
      return dialog;
    },
  },
  {
    name: 'guard-ask-admin',
    account: 'delta-upgrade-at-limit',
    role: 'admin',
    widget: guard,
    reach: openGuard,
  },
  {
    name: 'guard-buy',
    account: 'delta-upgrade-at-limit',
    role: 'owner',
    widget: guard,
    reach: openGuard,
  },
  {
    name: 'guard-forbidden',
    account: 'delta-upgrade-at-limit',
    role: 'member',
    widget: guard,
    reach: openGuard,
  },
  {
    name: 'guard-non-consuming-role',
    account: 'daily-prorated-with-password',
    role: 'owner',
    widget: guard,
    setup: fillUp('factro.example', 'active', 'employee', 'named'),
    reach: openGuard,
  },
  {
    name: 'guard-member-picker',
    account: 'total-with-terms-no-self-decrease',
    role: 'System Admin',
    widget: guard,
    setup: fillUp('opencrm.example', 'Active', 'Standard User', 'users'),
    reach: async (user, container) => {
      const dialog = await openGuard(user, container);
      await user.click(await findPart(dialog, '[data-kind="free-licence"] > button'));
      await findPart(dialog, '[data-part="member-option"] input[type="radio"]');
      return dialog;
    },
  },
  {
    name: 'guard-member-chosen',
    account: 'total-with-terms-no-self-decrease',
    role: 'System Admin',
    widget: guard,
    setup: fillUp('opencrm.example', 'Active', 'Standard User', 'users'),
    reach: async (user, container) => {
      const dialog = await openGuard(user, container);
      await user.click(await findPart(dialog, '[data-kind="free-licence"] > button'));
      await user.click(await findPart(dialog, '[data-part="member-option"] input[type="radio"]'));
      await findPart(dialog, '[data-part="member-confirm"]');
      return dialog;
    },
  },
];

// Each state on a laptop and on a phone; the four scenes above also cover dark, RTL and zoom.
describe.skipIf(skipReason !== null).each([looks[0], looks[3]] as Look[])(
  'states $name',
  (look) => {
    beforeEach(async () => {
      await api?.reset();
      await page.viewport(look.width, look.height);
      const root = document.documentElement;
      root.dataset.theme = look.theme;
      document.body.style.background = 'var(--seats-bg)';
      document.body.style.color = 'var(--seats-fg)';
      document.body.style.fontFamily = 'system-ui, sans-serif';
      // No animation, transition or blinking caret between two runs.
      const still = document.createElement('style');
      still.id = 'still';
      still.textContent =
        '*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }';
      document.head.append(still);
    });
    afterEach(() => {
      delete document.documentElement.dataset.theme;
      document.body.removeAttribute('style');
      document.getElementById('still')?.remove();
      // A one-off handler a state set up but never met (the quote that never answers) goes too.
      worker.resetHandlers();
      if (api !== undefined) worker.use(...api.handlers);
    });
    afterAll(async () => {
      await page.viewport(1280, 800);
    });

    it.each(states)('$name', async (state) => {
      await state.setup?.(clientFor(state.account, state.role));
      const user = userEvent.setup();
      const { container } = render(
        <SeatsProvider client={clientFor(state.account, state.role)}>{state.widget}</SeatsProvider>,
      );
      const element = await state.reach(user, container);
      await expect
        .element(page.elementLocator(element))
        .toMatchScreenshot(`${state.name}-${look.name}`, tolerance);
    });
  },
);
