import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** OpenCRM: a new total above today's, and the terms and conditions ticked before saving. */
const meta = {
  title: 'AdjustAllowanceDialog/Terms confirmation',
  component: AdjustAllowanceDialog,
  parameters: {
    seats: { account: 'total-with-terms-no-self-decrease' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    const input = await findPart(dialog, 'input[data-part="input"]');
    await expect(input).toHaveValue('12');
    await userEvent.click(await findPart(dialog, '[data-part="increment"]'));
    await userEvent.click(await findPart(dialog, '[data-part="increment"]'));
    await expect(input).toHaveValue('14');
    await findPart(dialog, '[data-part="plan"][data-result="applied"]');
    const submit = await findPart(dialog, '[data-part="submit"]');
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(await findPart(dialog, '[data-part="terms"] input[type="checkbox"]'));
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
