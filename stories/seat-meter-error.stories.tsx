import { SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** The summary fails (after the query's retries) and the meter offers to try again. */
const meta = {
  title: 'SeatMeter/Error',
  component: SeatMeter,
  parameters: {
    seats: {
      account: 'total-with-terms-no-self-decrease',
      async setup({ api }) {
        api.faults.serverError(100);
      },
    } satisfies SeatsParameters,
  },
  async play({ canvas, canvasElement }) {
    const root = await findPart(canvasElement, '[data-seats="meter"][data-state="error"]', {
      timeout: 15_000,
    });
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(root.querySelector('button[data-part="retry"]')).not.toBeNull();
  },
} satisfies Meta<typeof SeatMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
