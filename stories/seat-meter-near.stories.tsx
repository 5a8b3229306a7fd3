import { SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Near the limit: two more Active users make 11 of 12, past the 90 % threshold. */
const meta = {
  title: 'SeatMeter/Near',
  component: SeatMeter,
  parameters: {
    seats: {
      account: 'total-with-terms-no-self-decrease',
      async setup({ client }) {
        for (const name of ['Uma New', 'Vic New']) {
          await client.createMember({
            name,
            email: `${name.split(' ')[0]?.toLowerCase()}@opencrm.example`,
            status: 'Active',
            role: 'Standard User',
            poolId: 'users',
          });
        }
      },
    } satisfies SeatsParameters,
  },
  async play({ canvas, canvasElement }) {
    const meter = await canvas.findByRole('meter');
    await expect(meter).toHaveAttribute('data-state', 'near');
    await expect(meter).toHaveAttribute('aria-valuenow', '11');
    await expect(canvasElement.querySelector('[data-part="state"]')).toHaveAttribute(
      'data-state',
      'near',
    );
  },
} satisfies Meta<typeof SeatMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
