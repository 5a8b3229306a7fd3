import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, phone, rtl, unstyled } from './variants';

/**
 * OpenCRM: a new total above today's, and the terms and conditions (linked) ticked before saving;
 * until then the disabled submit says what it waits for.
 */
const meta = {
  title: 'AdjustAllowanceDialog/Terms confirmation',
  component: AdjustAllowanceDialog,
  args: { termsHref: 'https://example.com/terms' },
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
    const hint = await findPart(dialog, '[data-part="submit-hint"]');
    await expect(submit).toHaveAttribute('aria-describedby', hint.id);
    await expect(await findPart(dialog, 'a[data-part="terms-link"]')).toHaveAttribute(
      'href',
      'https://example.com/terms',
    );
    await userEvent.click(await findPart(dialog, '[data-part="terms"] input[type="checkbox"]'));
    await expect(submit).toHaveAttribute('data-state', 'ready');
    await expect(submit).not.toHaveAttribute('aria-describedby');
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
