import { SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Commusoft: two monthly licences bought and waiting for the e-signature sent by email. */
const meta = {
  title: 'SeatMeter/Pending signature',
  component: SeatMeter,
  args: { poolId: 'monthly' },
  parameters: {
    seats: {
      account: 'signed-contract-licence-types',
      async setup({ client }) {
        const quote = await client.createQuote({ poolId: 'monthly', delta: 2 });
        await client.commitChange({ quoteId: quote.id });
      },
    } satisfies SeatsParameters,
  },
  async play({ canvas, canvasElement }) {
    const meter = await canvas.findByRole('meter');
    // Not usable until signed: still 4 purchased.
    await expect(meter).toHaveAttribute('aria-valuemax', '4');
    await expect(await findPart(canvasElement, '[data-part="pending-signature"]')).toBeVisible();
  },
} satisfies Meta<typeof SeatMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
