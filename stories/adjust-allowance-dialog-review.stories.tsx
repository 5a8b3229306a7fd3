import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, phone, rtl, unstyled } from './variants';

/** Dazos at its limit: "Upgrade" shows, the admin types how many MORE, reviews the price, confirms. */
const meta = {
  title: 'AdjustAllowanceDialog/Review and confirm',
  component: AdjustAllowanceDialog,
  parameters: {
    seats: { account: 'delta-upgrade-at-limit', role: 'owner' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '2');
    const plan = await findPart(dialog, '[data-part="plan"]');
    await expect(plan).toHaveAttribute('data-kind', 'increase');
    await expect(plan).toHaveAttribute('data-result', 'applied');
    await expect(
      dialog.querySelector('[data-part="line"][data-kind="prorated-charge"]'),
    ).not.toBeNull();
    await expect(dialog.querySelector('[data-part="terms"], [data-part="password"]')).toBeNull();
    await expect(dialog.querySelector('[data-part="submit"]')).toHaveAttribute(
      'data-state',
      'ready',
    );
  },
} satisfies Meta<typeof AdjustAllowanceDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
export const Phone: Story = phone;
