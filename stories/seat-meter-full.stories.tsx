import { SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

const meta = {
  title: 'SeatMeter/Full',
  component: SeatMeter,
  args: { variant: 'compact' },
  parameters: {
    seats: { account: 'delta-upgrade-at-limit' } satisfies SeatsParameters,
  },
  async play({ canvas }) {
    const meter = await canvas.findByRole('meter');
    await expect(meter).toHaveAttribute('data-state', 'full');
    await expect(meter).toHaveAttribute('aria-valuenow', '10');
    await expect(meter).toHaveAttribute('aria-valuemax', '10');
  },
} satisfies Meta<typeof SeatMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
