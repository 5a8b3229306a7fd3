import { SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Commusoft: only owner/manager and financial office see licences; an engineer is told so. */
const meta = {
  title: 'SeatMeter/No permission',
  component: SeatMeter,
  parameters: {
    seats: { account: 'signed-contract-licence-types', role: 'engineer' } satisfies SeatsParameters,
  },
  async play({ canvasElement }) {
    const root = await findPart(canvasElement, '[data-seats="meter"][data-state="no-access"]');
    await expect(root.querySelector('[data-part="no-access"]')).toBeVisible();
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
