import { SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Within the limit: OpenCRM's counters, 9 of 12 licences used (Active and Locked users). */
const meta = {
  title: 'SeatMeter/Ok',
  component: SeatMeter,
  parameters: {
    seats: { account: 'total-with-terms-no-self-decrease' } satisfies SeatsParameters,
  },
  async play({ canvas }) {
    const meter = await canvas.findByRole('meter');
    await expect(meter).toHaveAttribute('data-state', 'ok');
    await expect(meter).toHaveAttribute('aria-valuenow', '9');
    await expect(meter).toHaveAttribute('aria-valuemax', '12');
  },
} satisfies Meta<typeof SeatMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
