import { SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Dialpad: two licences scheduled for removal at the end of the billing cycle. */
const meta = {
  title: 'SeatMeter/Scheduled removal',
  component: SeatMeter,
  args: { poolId: 'standard' },
  parameters: {
    seats: {
      account: 'scheduled-removal-with-restore',
      async setup({ client }) {
        const quote = await client.createQuote({ poolId: 'standard', delta: -2 });
        await client.commitChange({ quoteId: quote.id });
      },
    } satisfies SeatsParameters,
  },
  async play({ canvas, canvasElement }) {
    const meter = await canvas.findByRole('meter');
    await expect(meter).toHaveAttribute('aria-valuemax', '20');
    // The counts add up: used, free and leaving make the purchased licences.
    await expect(await findPart(canvasElement, '[data-part="scheduled-removal"]')).toBeVisible();
    await expect(meter.getAttribute('aria-valuetext')).toMatch(/20/);
  },
} satisfies Meta<typeof SeatMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
