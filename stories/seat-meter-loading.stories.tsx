import { SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http } from 'msw';
import { expect } from 'storybook/test';
import { findPart } from './find-part';
import { seatsBaseUrl } from './seats-api';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** The skeleton shown while the summary loads: here the summary never answers. */
const meta = {
  title: 'SeatMeter/Loading',
  component: SeatMeter,
  parameters: {
    seats: { account: 'total-with-terms-no-self-decrease' } satisfies SeatsParameters,
    msw: [http.get(`*${seatsBaseUrl}/v1/summary`, () => delay('infinite'))],
  },
  async play({ canvasElement }) {
    const root = await findPart(canvasElement, '[data-seats="meter"]');
    await expect(root).toHaveAttribute('data-state', 'loading');
    await expect(root).toHaveAttribute('aria-busy', 'true');
    await expect(root.querySelector('[data-part="skeleton-bar"]')).not.toBeNull();
    await expect(root.querySelector('[role="meter"]')).toBeNull();
  },
} satisfies Meta<typeof SeatMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
