import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** factro: an admin who may not buy sees the control disabled, with who can. */
const meta = {
  title: 'AdjustAllowanceDialog/No permission, explained',
  component: AdjustAllowanceDialog,
  parameters: {
    seats: { account: 'daily-prorated-with-password', role: 'admin' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    const wrapper = await findPart(canvasElement, '[data-seats="adjust-trigger"]');
    await expect(wrapper).toHaveAttribute('data-state', 'explained');
    const button = await findPart(wrapper, 'button[data-part="trigger"]');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleDescription(
      wrapper.querySelector('[data-part="explanation"]')?.textContent ?? '',
    );
    await userEvent.click(button);
    await expect(document.querySelector('[role="dialog"]')).toBeNull();
  },
} satisfies Meta<typeof AdjustAllowanceDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
