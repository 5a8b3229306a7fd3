import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { clientFor } from '../test/mock-api';
import {
  AddUserGuardCancel,
  AddUserGuardContent,
  AddUserGuardDescription,
  AddUserGuardRemedies,
  AddUserGuardRoot,
  AddUserGuardTitle,
  AddUserGuardTrigger,
  addUserGuardAnatomy,
  SeatsProvider,
} from './index';

const { parts } = addUserGuardAnatomy;
// Dazos at its limit: 10 of 10 used, buying is the one remedy.
const dazos = () => clientFor('delta-upgrade-at-limit', 'owner');

function Guard(props: {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  onProceed?: () => void;
}) {
  return (
    <SeatsProvider client={dazos()}>
      <AddUserGuardRoot onProceed={props.onProceed ?? vi.fn()} {...props}>
        <AddUserGuardTrigger>Add user</AddUserGuardTrigger>
        <AddUserGuardContent>
          <AddUserGuardTitle />
          <AddUserGuardDescription />
          <AddUserGuardRemedies />
          <AddUserGuardCancel />
        </AddUserGuardContent>
      </AddUserGuardRoot>
    </SeatsProvider>
  );
}

describe('AddUserGuard parts', () => {
  it('forward their refs and let the consumer props win over the kit', async () => {
    const trigger = createRef<HTMLButtonElement>();
    const content = createRef<HTMLDivElement>();
    const remedies = createRef<HTMLUListElement>();
    const onClick = vi.fn();
    render(
      <SeatsProvider client={dazos()}>
        <AddUserGuardRoot defaultOpen onProceed={vi.fn()}>
          <AddUserGuardTrigger ref={trigger} data-seats="host-guard" onClick={onClick}>
            Add user
          </AddUserGuardTrigger>
          <AddUserGuardContent ref={content} data-part="host-content">
            <AddUserGuardTitle />
            <AddUserGuardDescription />
            <AddUserGuardRemedies ref={remedies} className="host-remedies" />
          </AddUserGuardContent>
        </AddUserGuardRoot>
      </SeatsProvider>,
    );
    const dialog = await screen.findByRole('dialog');
    expect(content.current).toBe(dialog);
    expect(dialog.getAttribute('data-part')).toBe('host-content');
    expect(trigger.current?.getAttribute('data-seats')).toBe('host-guard');
    await waitFor(() => expect(remedies.current?.className).toBe('host-remedies'));
    expect(remedies.current?.getAttribute('data-part')).toBe(parts.remedies);
  });

  it("runs the host's onClick first and stops when it prevents the default", async () => {
    const user = userEvent.setup();
    const onProceed = vi.fn();
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease', 'System Admin')}>
        <AddUserGuardRoot onProceed={onProceed}>
          <AddUserGuardTrigger onClick={(event) => event.preventDefault()}>Add</AddUserGuardTrigger>
        </AddUserGuardRoot>
      </SeatsProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Add' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('allowed'));
    await user.click(button);
    expect(onProceed).not.toHaveBeenCalled();
  });

  it('passes open and onOpenChange to the dialog when controlled', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const { rerender } = render(<Guard open={false} onOpenChange={onOpenChange} />);
    const button = await screen.findByRole('button', { name: 'Add user' });
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('blocked'));
    await user.click(button);
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(screen.queryByRole('dialog')).toBeNull();
    rerender(<Guard open onOpenChange={onOpenChange} />);
    const dialog = await screen.findByRole('dialog', { name: 'You have reached your seat limit' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('opens from defaultOpen and closes on its own when uncontrolled', async () => {
    const user = userEvent.setup();
    render(<Guard defaultOpen />);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
