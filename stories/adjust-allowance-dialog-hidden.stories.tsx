import { AdjustAllowanceDialog, SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Dazos: a role without billing permission sees the counts but no "Upgrade" at all. */
const meta = {
  title: 'AdjustAllowanceDialog/No permission, hidden',
  component: AdjustAllowanceDialog,
  render: (args) => (
    <>
      <SeatMeter variant="compact" />
      <AdjustAllowanceDialog {...args} />
    </>
  ),
  parameters: {
    seats: { account: 'delta-upgrade-at-limit', role: 'admin' } satisfies SeatsParameters,
  },
  async play({ canvas, canvasElement }) {
    await expect(await canvas.findByRole('meter')).toHaveAttribute('data-state', 'full');
    await expect(canvasElement.querySelector('[data-seats="adjust-trigger"]')).toBeNull();
  },
} satisfies Meta<typeof AdjustAllowanceDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
