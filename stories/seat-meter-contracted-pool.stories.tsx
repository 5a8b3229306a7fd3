import { SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Commusoft's contracted licences: bought with a signature, reduced only at renewal. */
const meta = {
  title: 'SeatMeter/Contracted pool',
  component: SeatMeter,
  args: { poolId: 'contracted' },
  parameters: {
    seats: { account: 'signed-contract-licence-types' } satisfies SeatsParameters,
  },
  async play({ canvas, canvasElement }) {
    const meter = await canvas.findByRole('meter');
    await expect(meter).toHaveAttribute('aria-valuenow', '9');
    await expect(meter).toHaveAttribute('data-state', 'near');
    await expect(canvasElement.querySelector('[data-part="pool"]')).toHaveAttribute(
      'data-term',
      'contracted',
    );
    await expect(await findPart(canvasElement, '[data-part="decrease"]')).toBeVisible();
    await expect(canvasElement.querySelector('[data-part="increase"]')).not.toBeNull();
  },
} satisfies Meta<typeof SeatMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
