import { AdjustAllowanceDialog, SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Commusoft: contracted licences cannot be removed before the contract ends; they change at renewal. */
const meta = {
  title: 'AdjustAllowanceDialog/Contracted until renewal',
  component: AdjustAllowanceDialog,
  args: { poolId: 'contracted' },
  render: (args) => (
    <>
      <SeatMeter poolId="contracted" />
      <AdjustAllowanceDialog {...args} />
    </>
  ),
  parameters: {
    seats: { account: 'signed-contract-licence-types' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await findPart(canvasElement, '[data-part="decrease"]');
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    // Removing is not offered: only adding.
    await expect(dialog.querySelector('input[type="radio"]')).toBeNull();
    await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '-1');
    await findPart(dialog, '[data-part="issue"][data-code="contracted-until"]');
  },
} satisfies Meta<typeof AdjustAllowanceDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
