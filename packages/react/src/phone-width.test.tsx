import type { PresetName } from '@seats/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../styles.css';
import { api, clientFor } from '../test/mock-api';
import { AddUserGuard, AdjustAllowanceDialog, SeatsProvider } from './index';

const phone = 375;

/** The dialog fills the screen and neither it, the page nor any element in it scrolls sideways. */
function expectFitsThePhone(dialog: HTMLElement) {
  expect(dialog.getBoundingClientRect().width).toBe(document.documentElement.clientWidth);
  expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth);
  expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(phone);
  for (const element of dialog.querySelectorAll<HTMLElement>('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0) continue;
    expect({ part: element.dataset.part ?? element.tagName, left: box.left >= -0.5 }).toEqual({
      part: element.dataset.part ?? element.tagName,
      left: true,
    });
    expect(box.right).toBeLessThanOrEqual(phone + 0.5);
  }
}

async function fill(account: PresetName, role: string, count: number) {
  const client = clientFor(account, role);
  for (let index = 0; index < count; index += 1) {
    await client.createMember({
      name: `Filler with a rather long name ${index}`,
      email: `filler${index}@example.com`,
      status: 'Active',
      role: 'Standard User',
      poolId: 'users',
    });
  }
}

describe('at 375 px', () => {
  beforeAll(async () => {
    await page.viewport(phone, 812);
  });
  afterAll(async () => {
    await page.viewport(1280, 800);
  });

  it('shows the adjust dialog as a full-screen sheet in every state, and the page behind keeps its width', async () => {
    const user = userEvent.setup();
    api.faults.failNextPayment();
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
        {/* A page wider than the phone: a scroll lock must not squeeze it. */}
        <div data-testid="wide" style={{ inlineSize: 1200 }} />
        <AdjustAllowanceDialog paymentMethodHref="/settings/billing" />
      </SeatsProvider>,
    );
    const wide = screen.getByTestId('wide');
    const bodyWidth = document.body.getBoundingClientRect().width;
    await user.click(await screen.findByRole('button', { name: 'Upgrade' }));
    const dialog = await screen.findByRole('dialog');
    expect(document.body.getBoundingClientRect().width).toBe(bodyWidth);
    expect(wide.getBoundingClientRect().width).toBe(1200);
    expectFitsThePhone(dialog);

    await user.type(within(dialog).getByLabelText('Number of additional users'), '2');
    await waitFor(() => expect(dialog.querySelector('[data-part="plan"]')).not.toBeNull());
    expectFitsThePhone(dialog);

    await user.click(within(dialog).getByRole('button', { name: 'Upgrade' }));
    await within(dialog).findByRole('alert');
    expectFitsThePhone(dialog);
  });

  it('fits a total with its stepper, the password and the price per day (factro)', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('daily-prorated-with-password', 'owner')}>
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Nutzeranzahl ändern' }));
    const dialog = await screen.findByRole('dialog');
    expectFitsThePhone(dialog);
    const input = within(dialog).getByLabelText('Neue Gesamtzahl lizenzierter Nutzer');
    await user.clear(input);
    await user.type(input, '12');
    await within(dialog).findByLabelText('Confirm with your password');
    expectFitsThePhone(dialog);
  });

  it('fits the removal below what is assigned, the refusal saying what to do, and the e-signature result (Commusoft)', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('signed-contract-licence-types', 'owner-manager')}>
        <AdjustAllowanceDialog poolId="monthly" />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Purchase new monthly licenses' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Delete licenses' }));
    await user.type(within(dialog).getByLabelText('Licences to remove'), '2');
    await within(dialog).findByText(/^3 licences are assigned to users; delete users or move them/);
    expectFitsThePhone(dialog);

    await user.click(within(dialog).getByRole('radio', { name: 'Purchase new licenses' }));
    await user.clear(within(dialog).getByLabelText('Licences to add'));
    await user.type(within(dialog).getByLabelText('Licences to add'), '1');
    await within(dialog).findByText(/^A signature request will be emailed/);
    expectFitsThePhone(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByText('Waiting for your e-signature.');
    expectFitsThePhone(dialog);
  });

  it('fits the guard with every remedy and the members to free a licence from (OpenCRM at zero)', async () => {
    const user = userEvent.setup();
    await fill('total-with-terms-no-self-decrease', 'System Admin', 3);
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease', 'System Admin')}>
        <AddUserGuard onProceed={() => {}}>New User</AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'New User' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    const guard = await screen.findByRole('dialog');
    expectFitsThePhone(guard);
    const free = guard.querySelector<HTMLElement>('[data-kind="free-licence"] button');
    if (free !== null) {
      await user.click(free);
      const [first] = await within(guard).findAllByRole('radio');
      await user.click(first as HTMLElement);
      await within(guard).findByRole('button', { name: /^Deactivate / });
    }
    expectFitsThePhone(guard);
  });
});
