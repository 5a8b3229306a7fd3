import { createSeatsClient } from '@seats/client';
import type { PresetName } from '@seats/core';
import { render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test/axe';
import { api, clientFor } from '../test/mock-api';
import {
  AddUserGuard,
  createFormat,
  ja,
  MemberPicker,
  SeatsProvider,
  useAddUserDecision,
  useSeatsSummary,
} from './index';

async function fill(
  account: PresetName,
  role: string,
  count: number,
  member: { status: string; role: string; poolId: string },
) {
  const client = clientFor(account, role);
  for (let index = 0; index < count; index += 1) {
    await client.createMember({
      name: `Filler ${index}`,
      email: `filler${index}@example.com`,
      ...member,
    });
  }
}

describe('AddUserGuard', () => {
  it('lets the action proceed at once while a licence is free (OpenCRM)', async () => {
    const user = userEvent.setup();
    const onProceed = vi.fn();
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease', 'System Admin')}>
        <AddUserGuard onProceed={onProceed}>New User</AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'New User' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('allowed'));
    await user.click(button);
    expect(onProceed).toHaveBeenCalledOnce();
    expect(onProceed.mock.calls[0]?.[0]).toMatchObject({
      kind: 'allowed',
      member: { status: 'Active', poolId: 'users' },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    await expectNoAxeViolations();
  });

  it('offers to buy the shortfall at the limit and resumes the action after the purchase (Dazos)', async () => {
    const user = userEvent.setup();
    const onProceed = vi.fn();
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
        <AddUserGuard asChild onProceed={onProceed}>
          <button type="button" className="host-button">
            + Add User
          </button>
        </AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: '+ Add User' });
    expect(button.className).toBe('host-button');
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    const guard = await screen.findByRole('dialog', { name: 'You have reached your seat limit' });
    expect(within(guard).getByText('10 of 10 licences are in use.')).toBeTruthy();
    const remedies = within(guard)
      .getAllByRole('button')
      .map((element) => element.textContent);
    expect(remedies).toEqual(['Upgrade', 'Cancel']);
    await expectNoAxeViolations();

    await user.click(within(guard).getByRole('button', { name: 'Upgrade' }));
    const adjust = await screen.findByRole('dialog', { name: 'Upgrade: User licences' });
    const quantity = within(adjust).getByLabelText('Number of additional users');
    expect((quantity as HTMLInputElement).value).toBe('1');
    await waitFor(() => expect(document.activeElement).toBe(quantity));
    await within(adjust).findByText(/^1 licence × \$49\.00, /);
    expect(onProceed).not.toHaveBeenCalled();
    await user.click(within(adjust).getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(onProceed).toHaveBeenCalledOnce());
    expect(onProceed.mock.calls[0]?.[0]).toMatchObject({
      kind: 'purchased',
      change: { status: 'applied' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(button));
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('allowed'));
    const status = screen
      .getAllByRole('status')
      .find((element) => element.getAttribute('data-part') === 'announcement');
    expect(status?.textContent).toBe('Now 11 licences · $49.00 charged');
  });

  it('shows a user without billing permission only the way to ask an admin (Dazos admin)', async () => {
    const user = userEvent.setup();
    const onAskAdmin = vi.fn();
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'admin')}>
        <AddUserGuard onProceed={() => {}} onAskAdmin={onAskAdmin}>
          Add user
        </AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Add user' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    const guard = await screen.findByRole('dialog');
    expect(within(guard).queryByRole('button', { name: /^Buy/ })).toBeNull();
    await user.click(
      within(guard).getByRole('button', { name: 'Ask Owner or Billing admin for a licence' }),
    );
    expect(onAskAdmin).toHaveBeenCalledWith(['owner', 'billing-admin']);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it('offers buying, a non-consuming status and freeing a licence, in the policy order (OpenCRM at zero)', async () => {
    const user = userEvent.setup();
    await fill('total-with-terms-no-self-decrease', 'System Admin', 3, {
      status: 'Active',
      role: 'Standard User',
      poolId: 'users',
    });
    const onProceed = vi.fn();
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease', 'System Admin')}>
        <AddUserGuard onProceed={onProceed}>New User</AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'New User' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    const guard = await screen.findByRole('dialog');
    expect(within(guard).getByText('12 of 12 licences are in use.')).toBeTruthy();
    const kinds = [...guard.querySelectorAll('[data-part="remedy"]')].map((element) =>
      element.getAttribute('data-kind'),
    );
    expect(kinds).toEqual(['buy', 'use-non-consuming', 'free-licence']);
    expect(
      within(guard)
        .getAllByRole('button', { name: /^Add as/ })
        .map((element) => element.textContent),
    ).toEqual([
      'Add as Inactive',
      'Add as Room',
      'Add as Resource',
      'Add as Asset',
      'Add as Queue',
    ]);
    await expectNoAxeViolations();
    await user.click(within(guard).getByRole('button', { name: 'Add as Room' }));
    expect(onProceed).toHaveBeenCalledWith({
      kind: 'non-consuming-status',
      status: 'Room',
      member: expect.objectContaining({ status: 'Room', poolId: 'users' }),
    });
  });

  it("warns as 'New User' opens the form, in OpenCRM's words, and lets the admin go on; the save is guarded again (OpenCRM at zero)", async () => {
    const user = userEvent.setup();
    await fill('total-with-terms-no-self-decrease', 'System Admin', 3, {
      status: 'Active',
      role: 'Standard User',
      poolId: 'users',
    });
    const onOpenForm = vi.fn();
    const onSave = vi.fn();
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease', 'System Admin')}>
        <AddUserGuard stage="open" onProceed={onOpenForm}>
          New User
        </AddUserGuard>
        <AddUserGuard
          member={{ status: 'Active', role: 'Standard User', poolId: 'users' }}
          onProceed={onSave}
        >
          Save
        </AddUserGuard>
      </SeatsProvider>,
    );
    const newUser = await screen.findByRole('button', { name: 'New User' });
    await waitFor(() => expect(newUser.getAttribute('data-state')).toBe('blocked'));
    await user.click(newUser);
    const warning = await screen.findByRole('dialog');
    expect(
      [...warning.querySelectorAll('[data-part="remedy"]')].map((element) =>
        element.getAttribute('data-kind'),
      ),
    ).toEqual(['continue', 'buy', 'use-non-consuming', 'free-licence']);
    await user.click(within(warning).getByRole('button', { name: 'Continue creating the user' }));
    expect(onOpenForm).toHaveBeenCalledWith({
      kind: 'continued',
      member: expect.objectContaining({ status: 'Active', poolId: 'users' }),
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // Saving the Active user asks for a licence: buying first, no going on unchecked.
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const onSaving = await screen.findByRole('dialog');
    expect(
      [...onSaving.querySelectorAll('[data-part="remedy"]')].map((element) =>
        element.getAttribute('data-kind'),
      ),
    ).toEqual(['buy', 'use-non-consuming', 'free-licence']);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('frees a licence only once the chosen user is confirmed, never the viewer or an owner, then resumes (factro)', async () => {
    const user = userEvent.setup();
    const owner = clientFor('daily-prorated-with-password', 'owner');
    const ada = await owner.createMember({
      name: 'Ada Admin',
      email: 'ada@factro.example',
      status: 'active',
      role: 'admin',
      poolId: 'named',
    });
    await fill('daily-prorated-with-password', 'owner', 2, {
      status: 'active',
      role: 'employee',
      poolId: 'named',
    });
    const onProceed = vi.fn();
    const asAda = createSeatsClient({
      baseUrl: '/api/seats',
      headers: {
        'x-seats-account': 'daily-prorated-with-password',
        'x-seats-role': 'admin',
        'x-seats-member': ada.id,
      },
    });
    render(
      <SeatsProvider client={asAda}>
        <AddUserGuard onProceed={onProceed}>Add user</AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Add user' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    const guard = await screen.findByRole('dialog');
    const free = guard.querySelector<HTMLElement>('[data-kind="free-licence"] > button');
    await user.click(free as HTMLElement);
    expect(free?.getAttribute('aria-expanded')).toBe('true');
    const group = await within(guard).findByRole('radiogroup', {
      name: 'Choose whom to deactivate:',
    });
    const radios = within(group).getAllByRole('radio');
    const names = radios.map((radio) => radio.getAttribute('aria-labelledby') ?? '');
    const offered = names.map((id) => document.getElementById(id)?.textContent);
    expect(offered).toContain('Filler 1');
    expect(offered).not.toContain('Ada Admin');
    const consuming = await owner.listMembers({ poolId: 'named', consuming: true, limit: 200 });
    const owners = consuming.items.filter((member) => member.role === 'owner');
    expect(owners.length).toBeGreaterThan(0);
    for (const member of owners) expect(offered).not.toContain(member.name);
    expect(offered).toHaveLength(consuming.items.length - owners.length - 1);
    const filler = within(group).getByRole('radio', { name: 'Filler 1' });
    expect(filler.getAttribute('aria-describedby')).toBeTruthy();
    const changed = consuming.items.find((member) => member.name === 'Filler 1')?.updatedAt;
    expect(
      document.getElementById(filler.getAttribute('aria-describedby') as string)?.textContent,
    ).toBe(`filler1@example.com Employee last changed ${createFormat('de').date(changed ?? '')}`);
    expect(within(guard).queryByRole('button', { name: /^Deactivate / })).toBeNull();
    await expectNoAxeViolations();

    await user.click(filler);
    expect(onProceed).not.toHaveBeenCalled();
    await user.click(within(guard).getByRole('button', { name: 'Deactivate Filler 1' }));
    await waitFor(() =>
      expect(onProceed).toHaveBeenCalledWith({
        kind: 'freed',
        member: expect.objectContaining({ status: 'active', poolId: 'named' }),
      }),
    );
    const after = await owner.listMembers({ poolId: 'named', limit: 200 });
    const statusOf = (name: string) => after.items.find((member) => member.name === name)?.status;
    expect(statusOf('Filler 1')).toBe('deactivated');
    expect(statusOf('Filler 0')).toBe('active');
    expect(statusOf('Ada Admin')).toBe('active');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
    expect(document.querySelector('[data-part="announcement"]')?.textContent).toBe(
      'Filler 1 was deactivated.',
    );
  });

  it('MemberPicker says whom it freed and drops them from the list (factro)', async () => {
    const user = userEvent.setup();
    await fill('daily-prorated-with-password', 'owner', 2, {
      status: 'active',
      role: 'employee',
      poolId: 'named',
    });
    render(
      <SeatsProvider client={clientFor('daily-prorated-with-password', 'owner')}>
        <div data-seats="picker">
          <MemberPicker poolId="named" />
        </div>
      </SeatsProvider>,
    );
    const group = await screen.findByRole('radiogroup', { name: 'Choose whom to deactivate:' });
    await user.click(within(group).getByRole('radio', { name: 'Filler 0' }));
    await user.click(screen.getByRole('button', { name: 'Deactivate Filler 0' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Filler 0 was deactivated.'),
    );
    await waitFor(() =>
      expect(within(group).queryByRole('radio', { name: 'Filler 0' })).toBeNull(),
    );
    expect(screen.queryByRole('button', { name: /^Deactivate / })).toBeNull();
    expect(within(group).getByRole('radio', { name: 'Filler 1' })).toBeTruthy();
  });

  it('returns focus to the guarded control when the guard is closed with Escape or Cancel (OpenCRM)', async () => {
    const user = userEvent.setup();
    await fill('total-with-terms-no-self-decrease', 'System Admin', 3, {
      status: 'Active',
      role: 'Standard User',
      poolId: 'users',
    });
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease', 'System Admin')}>
        <AddUserGuard onProceed={() => {}}>New User</AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'New User' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
    button.focus();
    await user.keyboard('{Enter}');
    const guard = await screen.findByRole('dialog');
    await user.click(within(guard).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it('guards activating a member and offers the guest rights group, which uses no licence (factro)', async () => {
    const user = userEvent.setup();
    await fill('daily-prorated-with-password', 'owner', 3, {
      status: 'active',
      role: 'employee',
      poolId: 'named',
    });
    const onProceed = vi.fn();
    render(
      <SeatsProvider client={clientFor('daily-prorated-with-password', 'owner')}>
        <AddUserGuard
          before={{ status: 'deactivated', role: 'employee', poolId: 'named' }}
          member={{ status: 'active', role: 'employee', poolId: 'named' }}
          onProceed={onProceed}
        >
          Activate
        </AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Activate' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    const guard = await screen.findByRole('dialog');
    await user.click(within(guard).getByRole('button', { name: 'Add as Guest' }));
    expect(onProceed).toHaveBeenCalledWith({
      kind: 'non-consuming-role',
      role: 'guest',
      member: { status: 'active', role: 'guest', poolId: 'named' },
    });
  });

  it('does not resume while a purchase waits for its e-signature (Commusoft)', async () => {
    const user = userEvent.setup();
    await fill('signed-contract-licence-types', 'owner-manager', 1, {
      status: 'active',
      role: 'engineer',
      poolId: 'contracted',
    });
    const onProceed = vi.fn();
    render(
      <SeatsProvider client={clientFor('signed-contract-licence-types', 'owner-manager')}>
        <AddUserGuard onProceed={onProceed}>Add user</AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Add user' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Buy 1 licence' }),
    );
    const adjust = await screen.findByRole('dialog', { name: /Contracted licences/ });
    await within(adjust).findByText('Takes effect once the e-signature is complete');
    await user.click(within(adjust).getByRole('button', { name: 'Save' }));
    expect(await within(adjust).findByText('Waiting for your e-signature.')).toBeTruthy();
    expect(onProceed).not.toHaveBeenCalled();
    expect(api.signatures()).toHaveLength(1);
  });

  it('blocks a member manager who may not see licences at the limit and names whom to ask, never a count or a price (Commusoft office staff)', async () => {
    const user = userEvent.setup();
    await fill('signed-contract-licence-types', 'owner-manager', 1, {
      status: 'active',
      role: 'engineer',
      poolId: 'contracted',
    });
    const onProceed = vi.fn();
    render(
      <SeatsProvider client={clientFor('signed-contract-licence-types', 'office-staff')}>
        <AddUserGuard onProceed={onProceed}>Add user</AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Add user' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Ask an administrator for more licences.')).toBeTruthy();
    expect(within(dialog).getByText(/^Ask .* for a licence$/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: /Buy/ })).toBeNull();
    expect(dialog.textContent).not.toMatch(/\d+ of \d+/);
    expect(onProceed).not.toHaveBeenCalled();
    await expectNoAxeViolations();
  });

  it('lets a member manager who may not see licences add a user while one is free (Commusoft office staff)', async () => {
    const user = userEvent.setup();
    const onProceed = vi.fn();
    render(
      <SeatsProvider client={clientFor('signed-contract-licence-types', 'office-staff')}>
        <AddUserGuard onProceed={onProceed}>Add user</AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Add user' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('allowed'));
    await user.click(button);
    expect(onProceed.mock.calls[0]?.[0]).toMatchObject({
      kind: 'allowed',
      member: { status: 'active', role: 'engineer' },
    });
  });

  it('tells a role that may not manage users so (Dialpad user)', async () => {
    const user = userEvent.setup();
    const onProceed = vi.fn();
    render(
      <SeatsProvider client={clientFor('scheduled-removal-with-restore', 'user')}>
        <AddUserGuard onProceed={onProceed}>Add user</AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Add user' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    expect(await screen.findByRole('dialog', { name: 'Your role cannot add users.' })).toBeTruthy();
    expect(onProceed).not.toHaveBeenCalled();
  });

  it('works from the keyboard and returns focus to the guarded control, in Japanese and right to left', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider
        client={clientFor('delta-upgrade-at-limit', 'owner')}
        locale="ja-JP"
        messages={ja}
        dir="rtl"
      >
        <AddUserGuard onProceed={() => {}}>ユーザーを追加</AddUserGuard>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'ユーザーを追加' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    const guard = await screen.findByRole('dialog', { name: '空きライセンスがありません' });
    expect(guard.getAttribute('dir')).toBe('rtl');
    expect(within(guard).getByText('10 件中 10 件のライセンスが使用中です。')).toBeTruthy();
    expect(within(guard).getByRole('button', { name: 'ライセンスを 1 件購入' })).toBeTruthy();
    await expectNoAxeViolations();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  });
});

describe('hooks', () => {
  it('decide on the client what the server will decide again (useAddUserDecision)', async () => {
    const { result } = renderHook(() => useAddUserDecision(), {
      wrapper: ({ children }) => (
        <SeatsProvider client={clientFor('delta-upgrade-at-limit', 'owner')}>
          {children}
        </SeatsProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    const ready = result.current;
    if (ready.status !== 'ready') throw new Error('not ready');
    expect(ready.decision).toMatchObject({
      outcome: 'needs-licence',
      shortfall: 1,
      remedies: [{ kind: 'buy', poolId: 'users', quantity: 1 }],
    });
    await expect(
      clientFor('delta-upgrade-at-limit', 'owner').createMember({
        name: 'New',
        email: 'new@example.com',
        status: 'active',
        role: 'member',
        poolId: 'users',
      }),
    ).rejects.toMatchObject({
      code: 'no_licence_available',
      decision: {
        remedies: ready.decision.outcome === 'needs-licence' ? ready.decision.remedies : [],
      },
    });
  });

  it('throw a message naming the provider when used outside it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useSeatsSummary())).toThrow(
      '`useSeats` must be used within `SeatsProvider`',
    );
    error.mockRestore();
  });
});
