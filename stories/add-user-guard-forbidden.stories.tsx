import { AddUserGuard } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Dazos: a plain member may not add users at all, and is told so. */
const meta = {
  title: 'AddUserGuard/No permission',
  component: AddUserGuard,
  args: { onProceed: fn(), children: 'Add user' },
  parameters: {
    seats: { account: 'delta-upgrade-at-limit', role: 'member' } satisfies SeatsParameters,
  },
  async play({ args, canvasElement, userEvent }) {
    await userEvent.click(
      await findPart(canvasElement, '[data-seats="guard"][data-state="blocked"]'),
    );
    const guard = await findDialog('guard-dialog');
    await expect(guard.querySelector('[data-part="remedies"]')).toBeNull();
    await expect(guard.querySelector('[data-part="description"]')).toBeVisible();
    await expect(args.onProceed).not.toHaveBeenCalled();
  },
} satisfies Meta<typeof AddUserGuard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
