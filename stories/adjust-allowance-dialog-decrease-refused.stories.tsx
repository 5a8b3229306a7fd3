import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** OpenCRM: a total below today's is refused with whom to contact. */
const meta = {
  title: 'AdjustAllowanceDialog/Decrease refused',
  component: AdjustAllowanceDialog,
  parameters: {
    seats: { account: 'total-with-terms-no-self-decrease' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    const input = await findPart(dialog, 'input[data-part="input"]');
    await userEvent.clear(input);
    await userEvent.type(input, '10');
    await findPart(dialog, '[data-part="issue"][data-code="decrease-not-allowed"]');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.querySelector('[data-part="plan"]')).toBeNull();
  },
} satisfies Meta<typeof AdjustAllowanceDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
