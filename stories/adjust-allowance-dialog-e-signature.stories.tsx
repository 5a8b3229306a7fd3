import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Commusoft: buying monthly licences sends an e-signature request; the change waits until signed. */
const meta = {
  title: 'AdjustAllowanceDialog/E-signature pending',
  component: AdjustAllowanceDialog,
  args: { poolId: 'monthly' },
  parameters: {
    seats: { account: 'signed-contract-licence-types' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '2');
    await findPart(dialog, '[data-part="plan"][data-result="pending-signature"]');
    await expect(dialog.querySelector('[data-part="signature"]')).toBeVisible();
    await userEvent.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
    const result = await findPart(dialog, '[data-part="result"]');
    await expect(result).toHaveAttribute('data-state', 'pending-signature');
  },
} satisfies Meta<typeof AdjustAllowanceDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
