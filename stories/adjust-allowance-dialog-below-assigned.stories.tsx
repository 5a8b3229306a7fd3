import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/**
 * Commusoft: licences assigned to users cannot be deleted, inactive users included; the dialog says
 * to delete users or move them to another licence type, and offers no deactivation.
 */
const meta = {
  title: 'AdjustAllowanceDialog/Not below assigned',
  component: AdjustAllowanceDialog,
  args: { poolId: 'monthly' },
  parameters: {
    seats: { account: 'signed-contract-licence-types' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    await userEvent.click(await findPart(dialog, 'input[type="radio"][value="remove"]'));
    await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '2');
    const issue = await findPart(dialog, '[data-part="issue"][data-code="below-assigned"]');
    await expect(issue.textContent).toMatch(/3/);
    await expect(dialog.querySelectorAll('[data-part="member-option"]')).toHaveLength(0);
  },
} satisfies Meta<typeof AdjustAllowanceDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
