import { AddUserGuard } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** OpenCRM with 3 licences free: "Add user" just goes ahead. */
const meta = {
  title: 'AddUserGuard/Licence free',
  component: AddUserGuard,
  args: { onProceed: fn(), children: 'Add user' },
  parameters: {
    seats: { account: 'total-with-terms-no-self-decrease' } satisfies SeatsParameters,
  },
  async play({ args, canvasElement, userEvent }) {
    const guard = await findPart(canvasElement, '[data-seats="guard"][data-state="allowed"]');
    await userEvent.click(guard);
    await expect(args.onProceed).toHaveBeenCalledWith(expect.objectContaining({ kind: 'allowed' }));
    await expect(document.querySelector('[role="dialog"]')).toBeNull();
  },
} satisfies Meta<typeof AddUserGuard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
