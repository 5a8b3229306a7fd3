import { AddUserGuard } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, phone, rtl, unstyled } from './variants';

/**
 * OpenCRM with every licence used: free one by deactivating a user, picked from those consuming
 * (never a System Admin, who may buy licences), then confirmed with a button that names them.
 */
const meta = {
  title: 'AddUserGuard/Remedy: free a licence',
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
  async play({ args, canvasElement, userEvent }) {
    await userEvent.click(
      await findPart(canvasElement, '[data-seats="guard"][data-state="blocked"]'),
    );
    const guard = await findDialog('guard-dialog');
    const free = await findPart(guard, '[data-kind="free-licence"] > button');
    await userEvent.click(free);
    await expect(free).toHaveAttribute('aria-expanded', 'true');
    const option = await findPart(guard, '[data-part="member-option"] input[type="radio"]');
    const names = [...guard.querySelectorAll('[data-part="member-name"]')].map(
      (element) => element.textContent,
    );
    await expect(names).toEqual(expect.arrayContaining(['Uma New', 'Vic New', 'Wes New']));
    await expect(guard.querySelector('[data-part="member-confirm"]')).toBeNull();
    await userEvent.click(option);
    await findPart(guard, '[data-part="member-confirm"]');
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
export const Phone: Story = phone;
