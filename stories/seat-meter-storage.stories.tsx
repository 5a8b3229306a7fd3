import { SeatMeterRoot, SeatMeterStorage } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/**
 * Commusoft's storage: 212 GB used against 20 GB per contracted or monthly licence. Built from
 * the compound parts, as a host would for a layout of its own.
 */
const meta = {
  title: 'SeatMeter/Storage allowance',
  component: SeatMeterRoot,
  render: (args) => (
    <SeatMeterRoot {...args}>
      <SeatMeterStorage />
    </SeatMeterRoot>
  ),
  parameters: {
    seats: { account: 'signed-contract-licence-types' } satisfies SeatsParameters,
  },
  async play({ canvas }) {
    const meter = await canvas.findByRole('meter');
    await expect(meter).toHaveAttribute('aria-valuenow', String(212_000_000_000));
    await expect(meter).toHaveAttribute('aria-valuemax', String(280_000_000_000));
    await expect(meter).toHaveAttribute('data-state', 'ok');
  },
} satisfies Meta<typeof SeatMeterRoot>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
