import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import { clientFor } from './seats-api';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** Someone else bought licences while the dialog was open: the quote is priced again and the change shown. */
const meta = {
  title: 'AdjustAllowanceDialog/Stale quote',
  component: AdjustAllowanceDialog,
  parameters: {
    seats: { account: 'delta-upgrade-at-limit', role: 'owner' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '1');
    await findPart(dialog, '[data-part="plan"]');

    const other = clientFor('delta-upgrade-at-limit', 'billing-admin');
    const quote = await other.createQuote({ poolId: 'users', delta: 3 });
    await other.commitChange({ quoteId: quote.id });

    await userEvent.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
    await expect(await findPart(dialog, '[data-part="requoted"]')).toBeVisible();
    await findPart(dialog, '[data-part="submit"][data-state="ready"]');
  },
} satisfies Meta<typeof AdjustAllowanceDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
