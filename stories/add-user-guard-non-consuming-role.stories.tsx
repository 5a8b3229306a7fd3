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

/** factro with every named licence used: the user can still join as a guest, whose rights group needs none. */
const meta = {
  title: 'AddUserGuard/Remedy: non-consuming role',
  component: AddUserGuard,
  args: { onProceed: fn(), children: 'Invite user' },
  parameters: {
    seats: {
      account: 'daily-prorated-with-password',
      role: 'owner',
      async setup({ client }) {
        for (const name of ['Uma', 'Vic', 'Wes']) {
          await client.createMember({
            name: `${name} New`,
            email: `${name.toLowerCase()}@factro.example`,
            status: 'active',
            role: 'employee',
            poolId: 'named',
          });
        }
      },
    } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(
      await findPart(canvasElement, '[data-seats="guard"][data-state="blocked"]'),
    );
    const guard = await findDialog('guard-dialog');
    await expect(remedyKinds(guard)).toEqual(['buy', 'use-non-consuming', 'free-licence']);
    // One status (deactivated) and one role (guest).
    await expect(guard.querySelectorAll('[data-kind="use-non-consuming"] button')).toHaveLength(2);
  },
} satisfies Meta<typeof AddUserGuard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
