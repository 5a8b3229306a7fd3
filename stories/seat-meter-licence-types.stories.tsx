import { SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, phone, rtl, unstyled } from './variants';

/** Commusoft: contracted, monthly and daily licences, each with its own bar, the total and storage. */
const meta = {
  title: 'SeatMeter/Several licence types',
  component: SeatMeter,
  parameters: {
    seats: { account: 'signed-contract-licence-types' } satisfies SeatsParameters,
  },
  async play({ canvas, canvasElement }) {
    const meters = await canvas.findAllByRole('meter');
    await expect(meters.map((meter) => meter.getAttribute('aria-valuenow'))).toEqual([
      '13',
      '9',
      '3',
      '1',
      String(212_000_000_000),
    ]);
    const terms = [...canvasElement.querySelectorAll('[data-part="pool"][data-term]')].map((pool) =>
      pool.getAttribute('data-term'),
    );
    await expect(terms).toEqual(['contracted', 'monthly', 'daily']);
    await expect(canvasElement.querySelector('[data-part="renewal"]')).toBeVisible();
  },
} satisfies Meta<typeof SeatMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
export const Phone: Story = phone;
