import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Commusoft: an unassigned monthly licence is deleted at once, with a prorated credit. */
const meta = {
  title: 'AdjustAllowanceDialog/Decrease immediately',
  component: AdjustAllowanceDialog,
  args: { poolId: 'monthly' },
  parameters: {
    seats: { account: 'signed-contract-licence-types' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    await userEvent.click(await findPart(dialog, 'input[type="radio"][value="remove"]'));
    await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '1');
    const plan = await findPart(dialog, '[data-part="plan"]');
    await expect(plan).toHaveAttribute('data-kind', 'decrease');
    await expect(plan).toHaveAttribute('data-result', 'applied');
    await expect(
      dialog.querySelector('[data-part="line"][data-kind="prorated-credit"]'),
    ).not.toBeNull();
  },
} satisfies Meta<typeof AdjustAllowanceDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
