import { AddUserGuard } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

const remedyKinds = (dialog: HTMLElement) =>
  [...dialog.querySelectorAll<HTMLElement>('[data-part="remedy"]')].map(
    (remedy) => remedy.dataset.kind,
  );

/** Dazos at its limit: the only remedy is to buy the missing licence, prefilled in the adjust dialog. */
const meta = {
  title: 'AddUserGuard/Remedy: buy',
  component: AddUserGuard,
  args: { onProceed: fn(), children: 'Add user' },
  parameters: {
    seats: { account: 'delta-upgrade-at-limit', role: 'owner' } satisfies SeatsParameters,
  },
  async play({ args, canvasElement, userEvent }) {
    await userEvent.click(
      await findPart(canvasElement, '[data-seats="guard"][data-state="blocked"]'),
    );
    const guard = await findDialog('guard-dialog');
    await expect(remedyKinds(guard)).toEqual(['buy']);
    await userEvent.click(await findPart(guard, '[data-kind="buy"] button'));
    const adjust = await findDialog('adjust');
    await expect(await findPart(adjust, 'input[data-part="input"]')).toHaveValue('1');
    await findPart(adjust, '[data-part="plan"][data-kind="increase"]');
    await expect(args.onProceed).not.toHaveBeenCalled();
  },
} satisfies Meta<typeof AddUserGuard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
