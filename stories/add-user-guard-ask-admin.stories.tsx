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

/** Dazos: an admin without billing permission can only ask the owner or a billing admin. */
const meta = {
  title: 'AddUserGuard/Remedy: ask an admin',
  component: AddUserGuard,
  args: { onProceed: fn(), onAskAdmin: fn(), children: 'Add user' },
  parameters: {
    seats: { account: 'delta-upgrade-at-limit', role: 'admin' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(
      await findPart(canvasElement, '[data-seats="guard"][data-state="blocked"]'),
    );
    const guard = await findDialog('guard-dialog');
    await expect(remedyKinds(guard)).toEqual(['ask-admin']);
    await expect(guard.querySelector('[data-kind="ask-admin"] button')).toBeVisible();
  },
} satisfies Meta<typeof AddUserGuard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
