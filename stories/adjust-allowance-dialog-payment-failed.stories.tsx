import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/**
 * Dazos troubleshooting: the payment fails, nothing changes, the provider's reason is shown and the
 * payment method link is offered.
 */
const meta = {
  title: 'AdjustAllowanceDialog/Payment failure',
  component: AdjustAllowanceDialog,
  args: { paymentMethodHref: '#billing/payment-method' },
  parameters: {
    seats: {
      account: 'delta-upgrade-at-limit',
      role: 'owner',
      async setup({ api }) {
        api.faults.failNextPayment();
      },
    } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '1');
    await userEvent.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
    const error = await findPart(dialog, '[data-part="error"]');
    await expect(error).toHaveAttribute('data-code', 'payment_failed');
    await expect(error.querySelector('[data-part="decline-reason"]')).toHaveTextContent(
      'The card was declined.',
    );
    await expect(error.querySelector('a[data-part="payment-method"]')).toHaveAttribute(
      'href',
      '#billing/payment-method',
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
