import type { FullSummary } from '@seats/client';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { expectNoAxeViolations } from '../test/axe';
import { api, clientFor, testStart, worker } from '../test/mock-api';
import { AdjustAllowanceDialog, createFormat, fr, SeatMeter, SeatsProvider } from './index';

// `hidden`: while a dialog is open, Radix hides the rest of the page from assistive technology.
const valueText = (name: RegExp) =>
  screen.getByRole('meter', { name, hidden: true }).getAttribute('aria-valuetext');

describe('AdjustAllowanceDialog', () => {
  it('buys additional licences entered as a delta, then hides the upgrade below the limit (Dazos upgrade)', async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
        <SeatMeter variant="compact" />
        <AdjustAllowanceDialog onSuccess={onSuccess} />
      </SeatsProvider>,
    );
    const trigger = await screen.findByRole('button', { name: 'Upgrade' });
    await user.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'Upgrade: User licences' });
    expect(within(dialog).getByText('You have 10 licences. Enter how many to add.')).toBeTruthy();
    // The unit price is there before anything is typed.
    expect(within(dialog).getByText('$49.00 per licence per month')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Number of additional users'), '2');
    // The whole month is charged, by its dates, under a heading that says nothing of proration.
    const charge = await within(dialog).findByText(
      '2 licences × $49.00, Dec 1, 2026 – Jan 1, 2027',
    );
    expect(charge.nextElementSibling?.textContent).toBe('$98.00');
    expect(within(dialog).getByText('Due today')).toBeTruthy();
    expect(within(dialog).queryByText(/prorated/)).toBeNull();
    expect(within(dialog).getByText('Total due today').nextElementSibling?.textContent).toBe(
      '$98.00',
    );
    expect(within(dialog).getByText('Next invoice on Jan 1, 2027: $490.00 → $588.00')).toBeTruthy();
    expect(
      within(dialog).getByText('2 licences × $49.00 per month').nextElementSibling?.textContent,
    ).toBe('$98.00');
    expect(within(dialog).getByText('Takes effect immediately')).toBeTruthy();
    await expectNoAxeViolations();

    await user.click(within(dialog).getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onSuccess).toHaveBeenCalledOnce();
    // Said and shown once the dialog has closed.
    expect((await screen.findByText('Now 12 licences · $98.00 charged')).getAttribute('role')).toBe(
      'status',
    );
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ status: 'applied' });
    // Below the limit again, the policy offers no upgrade until the limit is reached.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Upgrade' })).toBeNull());
    expect(trigger.isConnected).toBe(false);
    await waitFor(() =>
      expect(valueText(/User licences/)).toBe('10 of 12 licences used, 2 available'),
    );
    expect(api.billing.charges().map((charge) => charge.amount)).toEqual([
      { amount: 9_800, currency: 'USD' },
    ]);
  });

  it('hides the upgrade from a role without billing permission (Dazos admin)', async () => {
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'admin')}>
        <SeatMeter variant="compact" />
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    await screen.findByRole('meter');
    expect(screen.queryByRole('button', { name: 'Upgrade' })).toBeNull();
    await expectNoAxeViolations();
  });

  it('explains who may change licences when the policy says to (factro admin)', async () => {
    render(
      <SeatsProvider client={clientFor('daily-prorated-with-password', 'admin')}>
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    const trigger = await screen.findByRole('button', { name: 'Nutzeranzahl ändern' });
    expect(trigger.getAttribute('aria-disabled')).toBe('true');
    expect(trigger.getAttribute('aria-describedby')).not.toBeNull();
    expect(screen.getByText('Only Owner can change licences.')).toBeTruthy();
    await userEvent.setup().click(trigger);
    expect(screen.queryByRole('dialog')).toBeNull();
    await expectNoAxeViolations();
  });

  it('says the payment failed and why, offers the payment method link and changes nothing (Dazos troubleshooting)', async () => {
    const user = userEvent.setup();
    api.faults.failNextPayment();
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
        <SeatMeter variant="compact" />
        <AdjustAllowanceDialog paymentMethodHref="/settings/billing" />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Upgrade' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Number of additional users'), '1');
    await within(dialog).findByText(/^1 licence × \$49\.00, /);
    await user.click(within(dialog).getByRole('button', { name: 'Upgrade' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The payment failed and nothing was changed.');
    expect(
      within(alert).getByText('The payment provider said: The card was declined.'),
    ).toBeTruthy();
    expect(
      within(alert).getByRole('link', { name: 'Update payment method' }).getAttribute('href'),
    ).toBe('/settings/billing');
    expect(valueText(/User licences/)).toBe('10 of 10 licences used, 0 available');
    expect(api.billing.charges()).toEqual([]);
    await expectNoAxeViolations();

    await user.click(within(dialog).getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.billing.charges()).toHaveLength(1);
  });

  it('says a committed change in a status the page keeps, once the closed dialog no longer hides the page', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    const status = await waitFor(() => {
      const element = container.querySelector<HTMLElement>('[data-part="status"]');
      expect(element?.getAttribute('role')).toBe('status');
      return element as HTMLElement;
    });
    // Text written into a region hidden from assistive technology is never spoken.
    const said: { text: string; hidden: boolean }[] = [];
    const observer = new MutationObserver(() => {
      said.push({
        text: status.textContent ?? '',
        hidden: status.closest('[aria-hidden="true"]') !== null,
      });
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    onTestFinished(() => observer.disconnect());
    await user.click(await screen.findByRole('button', { name: 'Upgrade' }));
    const dialog = await screen.findByRole('dialog');
    expect(status.closest('[aria-hidden="true"]')).not.toBeNull();
    await user.type(within(dialog).getByLabelText('Number of additional users'), '2');
    await within(dialog).findByText('Total due today');
    await user.click(within(dialog).getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(status.textContent).toBe('Now 12 licences · $98.00 charged'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(said.filter(({ text }) => text !== '')).toEqual([
      { text: 'Now 12 licences · $98.00 charged', hidden: false },
    ]);
    await expectNoAxeViolations();
  });

  it('hides the rest of the page from assistive technology while open, but no live region, and leaves hidden what the host hid', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
        <nav>Menu</nav>
        <p aria-hidden="true">Decoration</p>
        <p aria-live="polite">News</p>
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    const hiddenFromReaders = (text: string) =>
      screen.getByText(text).closest('[aria-hidden]:not([aria-hidden="false"])') !== null;
    await user.click(await screen.findByRole('button', { name: 'Upgrade' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.closest('[aria-hidden]')).toBeNull();
    expect(hiddenFromReaders('Menu')).toBe(true);
    expect(hiddenFromReaders('News')).toBe(false);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(hiddenFromReaders('Menu')).toBe(false);
    expect(hiddenFromReaders('Decoration')).toBe(true);
  });

  it('submits once however often the confirm button is clicked', async () => {
    const user = userEvent.setup();
    api.faults.latency(150);
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Upgrade' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Number of additional users'), '1');
    await within(dialog).findByText(/^1 licence × \$49\.00, /);
    const submit = within(dialog).getByRole('button', { name: 'Upgrade' });
    await user.tripleClick(submit);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.billing.charges()).toHaveLength(1);
    const changes = await clientFor('delta-upgrade-at-limit').listChanges();
    expect(changes.items).toHaveLength(1);
  });

  it('re-quotes a stale quote and shows what changed before confirming again', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Upgrade' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Number of additional users'), '1');
    await within(dialog).findByText(/^1 licence × \$49\.00, /);

    // Someone else buys a licence meanwhile.
    const other = clientFor('delta-upgrade-at-limit', 'billing-admin');
    const quote = await other.createQuote({ poolId: 'users', delta: 3 });
    await other.commitChange({ quoteId: quote.id });

    await user.click(within(dialog).getByRole('button', { name: 'Upgrade' }));
    const notice = await within(dialog).findByText(/^The licences changed meanwhile/);
    expect(notice.textContent).toContain('from 10 → 13 licences today');
    expect(within(dialog).getByText('You have 13 licences. Enter how many to add.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const summary = (await other.getSummary()) as FullSummary;
    expect(summary.pools[0]?.purchased).toBe(14);
  });

  it('raises a new total with the stepper once the terms are accepted, refuses a decrease, and returns focus (OpenCRM)', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease', 'System Admin')}>
        <SeatMeter variant="compact" />
        <AdjustAllowanceDialog termsHref="https://example.com/terms" />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Adjust User Allowance' }));
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('Number of user licences') as HTMLInputElement;
    expect(input.value).toBe('12');
    // Focus starts in the number field, not on the stepper's "One less" before it.
    await waitFor(() => expect(document.activeElement).toBe(input));

    await user.clear(input);
    await user.type(input, '10');
    expect(
      await within(dialog).findByText(
        'You cannot reduce your licences here; please contact your Account Manager.',
      ),
    ).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await user.clear(input);
    await user.type(input, '12');
    await user.click(within(dialog).getByRole('button', { name: 'One more' }));
    await user.click(within(dialog).getByRole('button', { name: 'One more' }));
    expect(input.value).toBe('14');
    await within(dialog).findByText('Change to the next invoice');
    expect(within(dialog).getByText('Total due today').nextElementSibling?.textContent).toBe(
      '£0.00',
    );
    expect(
      within(dialog).getByText('Change to the next invoice').nextElementSibling?.textContent,
    ).toBe('£50.00');
    const submit = within(dialog).getByRole('button', { name: 'Save' });
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    // The disabled submit says what it waits for, on screen and as its description.
    const hint = within(dialog).getByText('Accept the terms to continue');
    expect(submit.getAttribute('aria-describedby')).toBe(hint.id);
    const termsLink = within(dialog).getByRole('link', { name: 'Read the terms' });
    expect(termsLink.getAttribute('href')).toBe('https://example.com/terms');
    expect(termsLink.getAttribute('target')).toBe('_blank');
    await user.click(submit);
    expect(screen.getByRole('dialog')).toBeTruthy();
    await user.click(within(dialog).getByLabelText('I have read the Terms and Conditions'));
    expect(submit.getAttribute('aria-describedby')).toBeNull();
    expect(within(dialog).queryByText('Accept the terms to continue')).toBeNull();
    await expectNoAxeViolations();
    await user.click(submit);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Adjust User Allowance' }),
    );
    await waitFor(() =>
      expect(valueText(/User licences/)).toBe('9 of 14 licences used, 5 available'),
    );
  });

  it('asks for no further quote once the change is committed, until the number changes', async () => {
    const user = userEvent.setup();
    const quoteStatuses: number[] = [];
    const onResponse = ({ request, response }: { request: Request; response: Response }) => {
      if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/v1/quotes')) {
        quoteStatuses.push(response.status);
      }
    };
    worker.events.on('response:mocked', onResponse);
    onTestFinished(() => worker.events.removeListener('response:mocked', onResponse));
    const onSuccess = vi.fn();
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease', 'System Admin')}>
        <SeatMeter variant="compact" />
        <AdjustAllowanceDialog open hideTrigger debounceMs={50} onSuccess={onSuccess} />
      </SeatsProvider>,
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'One more' }));
    await within(dialog).findByText('Change to the next invoice');
    await user.click(within(dialog).getByLabelText('I have read the Terms and Conditions'));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledOnce());
    await waitFor(() =>
      expect(valueText(/User licences/)).toBe('9 of 13 licences used, 4 available'),
    );
    // Longer than the debounce and a round trip: a quote for the now-unchanged total would be refused.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(quoteStatuses).toEqual([201]);

    await user.click(within(dialog).getByRole('button', { name: 'One more' }));
    // The new number is quoted once, and answered; the figures on screen may be the last ones
    // until it is.
    await waitFor(() => expect(quoteStatuses).toEqual([201, 201]));
    expect(within(dialog).getByText('Change to the next invoice')).toBeTruthy();
  });

  it('opens with focus in the number field, and gives focus back to its trigger on Escape and Cancel', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    const trigger = await screen.findByRole('button', { name: 'Upgrade' });
    const open = async () => {
      await user.click(trigger);
      const dialog = await screen.findByRole('dialog');
      await waitFor(() =>
        expect(document.activeElement).toBe(
          within(dialog).getByLabelText('Number of additional users'),
        ),
      );
      return dialog;
    };
    const closed = async () => {
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(document.activeElement).toBe(trigger);
    };

    await open();
    await user.keyboard('{Escape}');
    await closed();

    const dialog = await open();
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await closed();
    // After a purchase: the OpenCRM test above.
  });

  it('is used with the keyboard alone: open, arrow keys, tab to confirm, escape closes', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease', 'System Admin')}>
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    const trigger = await screen.findByRole('button', { name: 'Adjust User Allowance' });
    await user.tab();
    expect(document.activeElement).toBe(trigger);
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('Number of user licences') as HTMLInputElement;
    input.focus();
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(input.value).toBe('15');
    await within(dialog).findByText('Change to the next invoice');
    const terms = within(dialog).getByLabelText('I have read the Terms and Conditions');
    while (document.activeElement !== terms) await user.tab();
    await user.keyboard(' ');
    expect((terms as HTMLInputElement).checked).toBe(true);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(trigger);
  });

  it('schedules a removal for the period end and restores it at no charge (Dialpad)', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('scheduled-removal-with-restore', 'company-admin')}>
        <SeatMeter />
        <AdjustAllowanceDialog poolId="standard" />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Manage Licenses' }));
    let dialog = await screen.findByRole('dialog');
    const directions = within(dialog).getByRole('radiogroup', { name: 'Add or remove licences' });
    await user.click(within(directions).getByRole('radio', { name: 'Remove Licenses' }));
    await user.type(within(dialog).getByLabelText('Licences to remove'), '2');
    expect(await within(dialog).findByText(/^Takes effect on /)).toBeTruthy();
    expect(within(dialog).getByText('Total due today').nextElementSibling?.textContent).toBe(
      '$0.00',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Remove Licenses' }));
    expect(await within(dialog).findByText(/^The removal is scheduled for /)).toBeTruthy();
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    // The licence type's counts and the account's: 10 of 12 used · 0 free · 2 leave on …
    expect(await screen.findAllByText(/^2 leave on /)).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Manage Licenses' }));
    dialog = await screen.findByRole('dialog');
    await user.click(
      within(dialog).getByRole('button', { name: 'Keep the 2 licences scheduled for removal' }),
    );
    expect(await within(dialog).findByText('2 licences kept, no charge')).toBeTruthy();
    expect(within(dialog).getByText('Total due today').nextElementSibling?.textContent).toBe(
      '$0.00',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Confirm Purchase' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.queryAllByText(/^2 leave on/)).toEqual([]));
    expect(api.billing.charges()).toEqual([]);
  });

  it('confirms a daily prorated purchase with the password (factro)', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('daily-prorated-with-password', 'owner')}>
        <SeatMeter variant="compact" />
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Nutzeranzahl ändern' }));
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('Neue Gesamtzahl lizenzierter Nutzer');
    await user.clear(input);
    await user.type(input, '12');
    expect(
      await within(dialog).findByText(/^2 licences × [\d,]+\s€, \d+ of \d+ days$/),
    ).toBeTruthy();
    // Billed per day of the annual main contract (12 x 12.90 = 154.80 a year), paid in advance:
    // one unit throughout, today's charge runs to the contract's end, the renewal is invoiced next.
    const f = createFormat('de');
    const contractEnd = new Date(Date.UTC(new Date(testStart).getUTCFullYear() + 1, 0, 1));
    // As the queries normalise it, the no-break space of the amount a plain one.
    const yearly = f.money({ amount: 15_480, currency: 'EUR' }).replace(/\s/g, ' ');
    expect(within(dialog).getByText(`${yearly} per licence per year`)).toBeTruthy();
    expect(within(dialog).getByText(`2 licences × ${yearly} per year`)).toBeTruthy();
    const [dueToday, nextInvoice] = within(dialog).getAllByRole('heading', { level: 3 });
    expect(dueToday?.textContent).toMatch(/^Due today \(prorated .+\)$/);
    expect(dueToday?.textContent?.endsWith(` – ${f.date(contractEnd)})`)).toBe(true);
    expect(nextInvoice?.textContent).toBe(
      `Next invoice on ${f.date(contractEnd)}: ${f.money({ amount: 154_800, currency: 'EUR' })} → ${f.money({ amount: 185_760, currency: 'EUR' })}`,
    );
    const password = within(dialog).getByLabelText('Confirm with your password');
    const submit = within(dialog).getByRole('button', { name: 'Bestätigen' });
    expect(
      document.getElementById(submit.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Enter your password to continue');
    await user.type(password, 'wrong');
    expect(submit.getAttribute('aria-describedby')).toBeNull();
    await user.click(submit);
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe('The password is not correct.');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    // The refusal describes the field, and focus goes back to it.
    expect(password.getAttribute('aria-describedby')).toBe(alert.id);
    await waitFor(() => expect(document.activeElement).toBe(password));
    await expectNoAxeViolations();
    // Typing another password clears the refusal; a second wrong one is refused and focused again.
    await user.type(password, '2');
    expect(password.getAttribute('aria-invalid')).toBe('false');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    await user.click(submit);
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'The password is not correct.',
    );
    await waitFor(() => expect(document.activeElement).toBe(password));
    await user.clear(password);
    await user.type(password, 'demo-password');
    await user.click(within(dialog).getByRole('button', { name: 'Bestätigen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(valueText(/Named licences/)).toBe('7 of 12 licences used, 5 available'),
    );
  });

  it('leaves a purchase pending until the e-signature, and keeps contracted licences until renewal (Commusoft)', async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    render(
      <SeatsProvider client={clientFor('signed-contract-licence-types', 'owner-manager')}>
        <SeatMeter />
        <AdjustAllowanceDialog poolId="monthly" onSuccess={onSuccess} />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Purchase new monthly licenses' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Monthly licences',
    });
    await user.type(within(dialog).getByLabelText('Licences to add'), '1');
    expect(
      await within(dialog).findByText('Takes effect once the e-signature is complete'),
    ).toBeTruthy();
    expect(within(dialog).getByText(/^A signature request will be emailed/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Waiting for your e-signature.')).toBeTruthy();
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ status: 'pending-signature' });
    expect(api.signatures()).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(await screen.findByText('1 licence awaiting e-signature')).toBeTruthy();
    expect(screen.getByText(/^Contracted until .*; can be reduced at renewal$/)).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('prices a daily licence per day for each day left, and the next invoice in days (Commusoft daily)', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('signed-contract-licence-types', 'owner-manager')}>
        <AdjustAllowanceDialog poolId="daily" />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Purchase new daily licenses' }));
    const dialog = await screen.findByRole('dialog', { name: 'Daily licences' });
    await user.type(within(dialog).getByLabelText('Licences to add'), '1');
    // Each day left in the month, today included, at the price per day: the words are the amount.
    await within(dialog).findByText('Total due today');
    const dueNow = dialog.querySelector<HTMLElement>('[data-part="due-now"]') as HTMLElement;
    const charge = within(dueNow).getByText(/^1 licence × £\d+\.\d\d per day × \d+ days?$/);
    const [, price, days] = /£(\d+\.\d\d) per day × (\d+)/.exec(charge.textContent ?? '') ?? [];
    expect(charge.nextElementSibling?.textContent).toBe(
      `£${((Math.round(Number(price) * 100) * Number(days)) / 100).toFixed(2)}`,
    );
    expect(within(dialog).queryByText(/1 of 1 days/)).toBeNull();
    await expectNoAxeViolations();
  });

  it('refuses to go below the users holding a licence type, and offers no deactivation that would not help (Commusoft monthly)', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('signed-contract-licence-types', 'owner-manager')}>
        <AdjustAllowanceDialog poolId="monthly" />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Purchase new monthly licenses' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Delete licenses' }));
    const remove = within(dialog).getByLabelText('Licences to remove');
    await user.type(remove, '2');
    expect(
      await within(dialog).findByText(
        '3 licences are assigned to users; delete users or move them to another licence type first.',
      ),
    ).toBeTruthy();
    expect(within(dialog).queryAllByRole('button', { name: /^Deactivate / })).toHaveLength(0);
    await expectNoAxeViolations();
    await user.clear(remove);
    await user.type(remove, '1');
    expect(await within(dialog).findByText(/^Credit: 1 licence × /)).toBeTruthy();
    expect(within(dialog).getByText('Takes effect immediately')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete license(s)' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const summary = (await clientFor('signed-contract-licence-types').getSummary()) as FullSummary;
    expect(summary.pools.find((pool) => pool.id === 'monthly')?.purchased).toBe(3);
  });

  it('is controlled through open and onOpenChange and prefilled with defaultValue', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
        <AdjustAllowanceDialog open defaultValue={3} onOpenChange={onOpenChange} hideTrigger />
      </SeatsProvider>,
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      (within(dialog).getByLabelText('Number of additional users') as HTMLInputElement).value,
    ).toBe('3');
    const charge = await within(dialog).findByText(/^3 licences × \$49\.00, /);
    expect(charge.nextElementSibling?.textContent).toBe('$147.00');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('quotes only the settled number and never shows an answer to an older one', async () => {
    const user = userEvent.setup();
    api.faults.latency(120);
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
        <AdjustAllowanceDialog debounceMs={50} />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Upgrade' }));
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('Number of additional users');
    await user.type(input, '1');
    await new Promise((resolve) => setTimeout(resolve, 80));
    await user.clear(input);
    await user.type(input, '4');
    const charge = await within(dialog).findByText(/^4 licences × \$49\.00, /);
    expect(charge.nextElementSibling?.textContent).toBe('$196.00');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(within(dialog).queryByText(/^1 licence × /)).toBeNull();
    expect(within(dialog).getByText(/^4 licences × \$49\.00, /)).toBeTruthy();
  });

  it('speaks French with euro amounts', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider
        client={clientFor('daily-prorated-with-password', 'owner')}
        locale="fr-FR"
        messages={fr}
      >
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Modifier le quota' }));
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('Nouveau total');
    await user.clear(input);
    await user.type(input, '11');
    const recurring = await within(dialog).findByText(/^1 licence × 154,80\s€ par an$/);
    expect(recurring.nextElementSibling?.textContent).toMatch(/^154,80\s€$/);
    expect(within(dialog).getByText(/^À payer aujourd’hui \(au prorata, /)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Confirmer l’achat' })).toBeTruthy();
    await expectNoAxeViolations();
  });
});
