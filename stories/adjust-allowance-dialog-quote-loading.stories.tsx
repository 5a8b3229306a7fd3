import { AdjustAllowanceDialog } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http } from 'msw';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import { seatsBaseUrl } from './seats-api';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/** The price is being calculated: here the quote never answers. */
const meta = {
  title: 'AdjustAllowanceDialog/Quote loading',
  component: AdjustAllowanceDialog,
  parameters: {
    seats: { account: 'delta-upgrade-at-limit', role: 'owner' } satisfies SeatsParameters,
    msw: [http.post(`*${seatsBaseUrl}/v1/quotes`, () => delay('infinite'))],
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, '[data-seats="adjust-trigger"]'));
    const dialog = await findDialog('adjust');
    await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '2');
    const quote = await findPart(dialog, '[data-part="quote"][data-state="loading"]');
    await expect(quote).toHaveAttribute('aria-busy', 'true');
    await expect(dialog.querySelector('[data-part="submit"]')).toHaveAttribute(
      'aria-disabled',
      'true',
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
