import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { AdminPage } from './admin-page';
import { findDialog, findPart } from './find-part';
import { clientFor, seatsApi } from './seats-api';
import type { SeatsParameters } from './seats-parameters';

/**
 * Each seed article's flow, played on a host page over the real handler: the steps of the article,
 * clicked and typed as an administrator would, and what the page shows afterwards.
 */
const meta = {
  title: 'Seed gallery',
  component: AdminPage,
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      <div style={{ padding: '1rem', maxWidth: '48rem' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof AdminPage>;

export default meta;
type Story = StoryObj<typeof meta>;

const meterOf = (root: HTMLElement, poolId: string) =>
  findPart(root, `[data-part="pool"][data-pool="${poolId}"] [role="meter"]`);

const triggerOf = (root: HTMLElement, poolId: string) =>
  findPart(root, `[data-pool-actions="${poolId}"] [data-seats="adjust-trigger"]`);

async function dialogClosed() {
  await waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
}

export const Dazos: Story = {
  name: 'Dazos CRM: upgrade at the seat limit',
  args: { title: 'Manage Users' },
  parameters: {
    seats: { account: 'delta-upgrade-at-limit', role: 'owner' } satisfies SeatsParameters,
  },
  async play({ canvasElement, step, userEvent }) {
    await step('At the seat limit, an Upgrade button appears', async () => {
      await expect(await meterOf(canvasElement, 'users')).toHaveAttribute('data-state', 'full');
      await expect(await triggerOf(canvasElement, 'users')).toBeVisible();
    });
    await step('Type the number of additional users: 10 to 12 is "2"', async () => {
      await userEvent.click(await triggerOf(canvasElement, 'users'));
      const dialog = await findDialog('adjust');
      await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '2');
      const plan = await findPart(dialog, '[data-part="plan"][data-kind="increase"]');
      await expect(plan).toHaveAttribute('data-result', 'applied');
    });
    await step('Click the final Upgrade button to confirm', async () => {
      const dialog = await findDialog('adjust');
      await userEvent.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
      await dialogClosed();
    });
    await step('Manage Users shows the new total; below the limit, Upgrade is gone', async () => {
      await waitFor(async () =>
        expect(await meterOf(canvasElement, 'users')).toHaveAttribute('aria-valuemax', '12'),
      );
      await waitFor(() =>
        expect(canvasElement.querySelector('[data-seats="adjust-trigger"]')).toBeNull(),
      );
      const api = await seatsApi();
      await expect(api.billing.charges()).toHaveLength(1);
    });
    await step('Add User now creates a user up to the new limit', async () => {
      await userEvent.click(
        await findPart(canvasElement, '[data-seats="guard"][data-state="allowed"]'),
      );
      await waitFor(async () =>
        expect(await meterOf(canvasElement, 'users')).toHaveAttribute('aria-valuenow', '11'),
      );
    });
  },
};

export const OpenCrm: Story = {
  name: 'OpenCRM: a new total with the terms, no decrease in-app',
  args: { title: 'User Management' },
  parameters: {
    seats: { account: 'total-with-terms-no-self-decrease' } satisfies SeatsParameters,
  },
  async play({ canvasElement, step, userEvent }) {
    await step('Active and Locked users count: 9 of 12 used, 3 available', async () => {
      const meter = await meterOf(canvasElement, 'users');
      await expect(meter).toHaveAttribute('aria-valuenow', '9');
      await expect(meter).toHaveAttribute('aria-valuemax', '12');
    });
    await step('Entering fewer licences is refused: contact the Account Manager', async () => {
      await userEvent.click(await triggerOf(canvasElement, 'users'));
      const dialog = await findDialog('adjust');
      const input = await findPart(dialog, 'input[data-part="input"]');
      await userEvent.clear(input);
      await userEvent.type(input, '10');
      await findPart(dialog, '[data-part="issue"][data-code="decrease-not-allowed"]');
    });
    await step('A new total of 13 cannot be saved until the terms are ticked', async () => {
      const dialog = await findDialog('adjust');
      const input = await findPart(dialog, 'input[data-part="input"]');
      await userEvent.clear(input);
      await userEvent.type(input, '13');
      await findPart(dialog, '[data-part="plan"][data-kind="increase"]');
      await expect(await findPart(dialog, '[data-part="submit"]')).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      await userEvent.click(await findPart(dialog, '[data-part="terms"] input'));
      await userEvent.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
      await dialogClosed();
    });
    await step('Maximum Active Users is now 13; the next invoice changes', async () => {
      await waitFor(async () =>
        expect(await meterOf(canvasElement, 'users')).toHaveAttribute('aria-valuemax', '13'),
      );
      const changes = await clientFor('total-with-terms-no-self-decrease').listChanges();
      await expect(changes.items[0]?.plan.nextInvoiceChange.amount).toBeGreaterThan(0);
      await expect(changes.items[0]?.plan.dueNow.amount).toBe(0);
    });
  },
};

export const OpenCrmNoLicenceAvailable: Story = {
  name: 'OpenCRM: a new user when no licence is available',
  args: { title: 'User Management' },
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
  async play({ canvasElement, step, userEvent }) {
    await step('With 0 available, New User warns that no licence is free', async () => {
      await expect(await meterOf(canvasElement, 'users')).toHaveAttribute('data-state', 'full');
      await userEvent.click(
        await findPart(canvasElement, '[data-seats="guard"][data-state="blocked"]'),
      );
      const dialog = await findDialog('guard-dialog');
      const kinds = [...dialog.querySelectorAll<HTMLElement>('[data-part="remedy"]')].map(
        (remedy) => remedy.dataset.kind,
      );
      await expect(kinds).toEqual(['buy', 'use-non-consuming', 'free-licence']);
    });
    await step(
      'Continue with a status other than Active or Locked: no licence is used',
      async () => {
        const dialog = await findDialog('guard-dialog');
        await userEvent.click(await findPart(dialog, '[data-kind="use-non-consuming"] button'));
        await dialogClosed();
        await waitFor(() =>
          expect(canvasElement.querySelector('[data-page-part="members"]')).toHaveAttribute(
            'data-count',
            '17',
          ),
        );
        await expect(await meterOf(canvasElement, 'users')).toHaveAttribute('aria-valuenow', '12');
      },
    );
  },
};

export const Dialpad: Story = {
  name: 'Dialpad: prorated purchase, scheduled removal and restore',
  args: { title: 'Licenses' },
  parameters: {
    seats: { account: 'scheduled-removal-with-restore' } satisfies SeatsParameters,
  },
  async play({ canvasElement, step, userEvent }) {
    await step('Purchase a license mid-cycle: the payment summary is prorated', async () => {
      await userEvent.click(await triggerOf(canvasElement, 'standard'));
      const dialog = await findDialog('adjust');
      await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '1');
      await findPart(dialog, '[data-part="line"][data-kind="prorated-charge"]');
      await userEvent.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
      await dialogClosed();
      await waitFor(async () =>
        expect(await meterOf(canvasElement, 'standard')).toHaveAttribute('aria-valuemax', '21'),
      );
    });
    await step('Remove 2 licenses: scheduled for the end of the billing cycle', async () => {
      await userEvent.click(await triggerOf(canvasElement, 'standard'));
      const dialog = await findDialog('adjust');
      await userEvent.click(await findPart(dialog, 'input[type="radio"][value="remove"]'));
      await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '2');
      await findPart(dialog, '[data-part="plan"][data-result="scheduled"]');
      await userEvent.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
      await findPart(dialog, '[data-part="result"][data-state="scheduled"]');
      await userEvent.click(await findPart(dialog, '[data-part="close"]'));
      await dialogClosed();
      await findPart(canvasElement, '[data-pool="standard"] [data-part="scheduled-removal"]');
    });
    await step('Restore the licenses scheduled for removal, at no charge', async () => {
      const api = await seatsApi();
      const charged = api.billing.charges().length;
      await userEvent.click(await triggerOf(canvasElement, 'standard'));
      const dialog = await findDialog('adjust');
      await userEvent.click(await findPart(dialog, 'button[data-part="restore"]'));
      await findPart(dialog, '[data-part="plan"][data-kind="restore"]');
      await userEvent.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
      await dialogClosed();
      await waitFor(() =>
        expect(
          canvasElement.querySelector('[data-pool="standard"] [data-part="scheduled-removal"]'),
        ).toBeNull(),
      );
      await expect(api.billing.charges()).toHaveLength(charged);
    });
  },
};

export const Factro: Story = {
  name: 'factro: new total with the stepper, confirmed by password',
  args: { title: 'Cloud management' },
  parameters: {
    seats: { account: 'daily-prorated-with-password', role: 'owner' } satisfies SeatsParameters,
  },
  async play({ canvasElement, step, userEvent }) {
    await step('Select the new total with "+": 10 to 12', async () => {
      await userEvent.click(await triggerOf(canvasElement, 'named'));
      const dialog = await findDialog('adjust');
      await userEvent.click(await findPart(dialog, '[data-part="increment"]'));
      await userEvent.click(await findPart(dialog, '[data-part="increment"]'));
      await expect(await findPart(dialog, 'input[data-part="input"]')).toHaveValue('12');
    });
    await step('The price change is shown, billed per day of the term', async () => {
      const dialog = await findDialog('adjust');
      await expect(
        await findPart(dialog, '[data-part="line"][data-kind="prorated-charge"]'),
      ).toBeVisible();
    });
    await step('A wrong password is refused and nothing is booked', async () => {
      const dialog = await findDialog('adjust');
      await userEvent.type(await findPart(dialog, '[data-part="password"] input'), 'wrong');
      await userEvent.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
      const refusal = await findPart(dialog, '[data-part="password-error"]');
      await expect(await findPart(dialog, '[data-part="password"] input')).toHaveAttribute(
        'aria-describedby',
        refusal.id,
      );
    });
    await step('Authorise the booking with the password and confirm', async () => {
      const dialog = await findDialog('adjust');
      const password = await findPart(dialog, '[data-part="password"] input');
      await userEvent.clear(password);
      // The password `createSeatsMsw` accepts.
      await userEvent.type(password, 'demo-password');
      await userEvent.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
      await dialogClosed();
    });
    await step('The cloud has 12 named licences; guests still use none', async () => {
      const meter = await meterOf(canvasElement, 'named');
      await waitFor(() => expect(meter).toHaveAttribute('aria-valuemax', '12'));
      await expect(meter).toHaveAttribute('aria-valuenow', '7');
    });
  },
};

export const Commusoft: Story = {
  name: 'Commusoft: licence types, storage, purchase pending e-signature',
  args: { title: 'Licenses' },
  parameters: {
    seats: { account: 'signed-contract-licence-types' } satisfies SeatsParameters,
  },
  async play({ canvasElement, step, userEvent }) {
    await step('Plan, contract dates, storage and a bar per licence type', async () => {
      await meterOf(canvasElement, 'daily');
      const pools = canvasElement.querySelectorAll('[data-part="pool"][data-term]');
      await expect(pools).toHaveLength(3);
      await expect(canvasElement.querySelector('[data-part="storage"]')).toBeVisible();
      await expect(canvasElement.querySelector('[data-part="renews"]')).toBeVisible();
    });
    await step('Purchase 2 monthly licences: cost breakdown, then Save', async () => {
      await userEvent.click(await triggerOf(canvasElement, 'monthly'));
      const dialog = await findDialog('adjust');
      await userEvent.type(await findPart(dialog, 'input[data-part="input"]'), '2');
      await findPart(dialog, '[data-part="plan"][data-result="pending-signature"]');
      await userEvent.click(await findPart(dialog, '[data-part="submit"][data-state="ready"]'));
      await findPart(dialog, '[data-part="result"][data-state="pending-signature"]');
      await userEvent.click(await findPart(dialog, '[data-part="close"]'));
      await dialogClosed();
    });
    await step('The purchase waits for the signature sent by email', async () => {
      await findPart(canvasElement, '[data-pool="monthly"] [data-part="pending-signature"]');
      await expect(await meterOf(canvasElement, 'monthly')).toHaveAttribute('aria-valuemax', '4');
    });
    await step('Signing the email adds the licences', async () => {
      const api = await seatsApi();
      const signature = api.signatures().at(-1);
      await expect(signature).toBeDefined();
      if (signature === undefined) return;
      await clientFor('signed-contract-licence-types').signChange(signature.changeId, {
        token: signature.token,
      });
      await userEvent.click(await findPart(canvasElement, '[data-page-part="refresh"]'));
      await waitFor(async () =>
        expect(await meterOf(canvasElement, 'monthly')).toHaveAttribute('aria-valuemax', '6'),
      );
      await expect(
        canvasElement.querySelector('[data-pool="monthly"] [data-part="pending-signature"]'),
      ).toBeNull();
    });
  },
};
