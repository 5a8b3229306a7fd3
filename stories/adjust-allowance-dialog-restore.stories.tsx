import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Dialpad: licences scheduled for removal are kept again at no charge until the cycle ends. */
const meta = {
  title: 'AdjustAllowanceDialog/Restore scheduled removal',
  component: AdjustAllowanceDialog,
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
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    await userEvent.click(await findPart(dialog, 'button[data-part="restore"]'));
    const plan = await findPart(dialog, '[data-part="plan"]');
    await expect(plan).toHaveAttribute('data-kind', 'restore');
    await expect(dialog.querySelector('[data-part="line"][data-kind="restore"]')).not.toBeNull();
    await expect(
      dialog.querySelector('[data-part="line"][data-kind="prorated-charge"]'),
    ).toBeNull();
  },
} satisfies Meta<typeof AdjustAllowanceDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
