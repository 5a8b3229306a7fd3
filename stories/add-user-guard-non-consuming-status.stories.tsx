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

/** OpenCRM with every licence used: buy one, add the user with a status that uses none, or free one. */
const meta = {
  title: 'AddUserGuard/Remedy: non-consuming status',
  component: AddUserGuard,
  args: { onProceed: fn(), children: 'New user' },
  parameters: {
    seats: {
      account: 'total-with-terms-no-self-decrease',
      async setup({ client }) {
        for (const name of ['Uma', 'Vic', 'Wes']) {
          await client.createMember({
            name: `${name} New`,
            email: `${name.toLowerCase()}@opencrm.example`,
            status: 'Active',
            role: 'Standard User',
            poolId: 'users',
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
    const statuses = guard.querySelectorAll('[data-kind="use-non-consuming"] button');
    // Inactive, Room, Resource, Asset and Queue use no licence.
    await expect(statuses).toHaveLength(5);
  },
} satisfies Meta<typeof AddUserGuard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
