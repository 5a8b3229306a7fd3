import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, phone, rtl, unstyled } from './variants';

// The password `createSeatsMsw` accepts (`demoPassword` of `@seats/server`, whose main entry is for Node).
const demoPassword = 'demo-password';

/** factro: the owner sets the new total with the stepper, sees the daily prorated price, re-enters the password. */
const meta = {
  title: 'AdjustAllowanceDialog/Password confirmation',
  component: AdjustAllowanceDialog,
  parameters: {
    seats: { account: 'daily-prorated-with-password', role: 'owner' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    await userEvent.click(await findPart(dialog, '[data-part="increment"]'));
    await userEvent.click(await findPart(dialog, '[data-part="increment"]'));
    await expect(await findPart(dialog, 'input[data-part="input"]')).toHaveValue('12');
    const line = await findPart(dialog, '[data-part="line"][data-kind="prorated-charge"]');
    await expect(line).toBeVisible();
    const submit = await findPart(dialog, '[data-part="submit"]');
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
    const hint = await findPart(dialog, '[data-part="submit-hint"]');
    await expect(submit).toHaveAttribute('aria-describedby', hint.id);
    await userEvent.type(await findPart(dialog, '[data-part="password"] input'), demoPassword);
    await expect(submit).toHaveAttribute('data-state', 'ready');
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
