import { AddUserGuard } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, phone, rtl, unstyled } from './variants';

/**
 * Dazos at its limit, from the keyboard's point of view: focus goes back to the control that
 * started the flow on every exit (Escape, Cancel, and after buying the missing licence from the
 * guard), the quantity field has focus while the price is on screen, and the purchase is announced.
 */
const meta = {
  title: 'AddUserGuard/Focus return',
  component: AddUserGuard,
  args: { onProceed: fn(), children: 'Add user' },
  parameters: {
    seats: { account: 'delta-upgrade-at-limit', role: 'owner' } satisfies SeatsParameters,
  },
  async play({ args, canvasElement, userEvent }) {
    const control = await findPart(canvasElement, '[data-seats="guard"][data-state="blocked"]');
    const closed = () =>
      waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());

    await userEvent.click(control);
    await findDialog('guard-dialog');
    await userEvent.keyboard('{Escape}');
    await closed();
    await expect(control).toHaveFocus();

    await userEvent.click(control);
    await userEvent.click(await findPart(await findDialog('guard-dialog'), '[data-part="cancel"]'));
    await closed();
    await expect(control).toHaveFocus();

    await userEvent.click(control);
    await userEvent.click(
      await findPart(await findDialog('guard-dialog'), '[data-kind="buy"] button'),
    );
    const adjust = await findDialog('adjust');
    const quantity = await findPart(adjust, 'input[data-part="input"]');
    await waitFor(() => expect(quantity).toHaveFocus());
    await findPart(adjust, '[data-part="submit"][data-state="ready"]');
    await userEvent.click(await findPart(adjust, '[data-part="submit"]'));
    await closed();
    await waitFor(() => expect(control).toHaveFocus());
    await waitFor(() => expect(args.onProceed).toHaveBeenCalledOnce());
    const announcement = await findPart(document.body, '[role="status"][data-part="announcement"]');
    await waitFor(() => expect(announcement.textContent).not.toBe(''));
  },
} satisfies Meta<typeof AddUserGuard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
export const Phone: Story = phone;
