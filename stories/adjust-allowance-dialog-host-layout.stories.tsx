import {
  AdjustAllowanceCancel,
  AdjustAllowanceConfirmations,
  AdjustAllowanceContent,
  AdjustAllowanceDescription,
  AdjustAllowanceError,
  AdjustAllowanceForm,
  AdjustAllowanceQuantity,
  AdjustAllowanceQuote,
  AdjustAllowanceRoot,
  AdjustAllowanceSubmit,
  AdjustAllowanceTitle,
  AdjustAllowanceTrigger,
  adjustAllowanceAnatomy,
} from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findDialog, findPart } from './find-part';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

const { parts, widget } = adjustAllowanceAnatomy;
const part = (name: string) => `[data-part="${name}"]`;

/**
 * A host's own dialog, assembled from the parts: its trigger, the number and the live quote side
 * by side, and its own order of actions. Every decision still comes from the kit.
 */
function HostLayout() {
  return (
    <AdjustAllowanceRoot>
      <AdjustAllowanceTrigger asChild>
        <button type="button">Buy seats</button>
      </AdjustAllowanceTrigger>
      <AdjustAllowanceContent style={{ maxWidth: '44rem' }}>
        <AdjustAllowanceTitle />
        <AdjustAllowanceForm>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '1rem' }}>
            <div>
              <AdjustAllowanceDescription />
              <AdjustAllowanceQuantity />
            </div>
            <AdjustAllowanceQuote />
          </div>
          <AdjustAllowanceConfirmations />
          <AdjustAllowanceError />
          <div data-part={parts.actions}>
            <AdjustAllowanceSubmit />
            <AdjustAllowanceCancel />
          </div>
        </AdjustAllowanceForm>
      </AdjustAllowanceContent>
    </AdjustAllowanceRoot>
  );
}

const meta = {
  title: 'AdjustAllowanceDialog/Host layout from the parts',
  component: AdjustAllowanceRoot,
  render: () => <HostLayout />,
  parameters: {
    seats: { account: 'delta-upgrade-at-limit', role: 'owner' } satisfies SeatsParameters,
  },
  async play({ canvasElement, userEvent }) {
    await userEvent.click(await findPart(canvasElement, `[data-seats="${widget.trigger}"]`));
    const dialog = await findDialog('adjust');
    await userEvent.type(await findPart(dialog, `input${part(parts.input)}`), '2');
    const plan = await findPart(dialog, part(parts.plan));
    await expect(plan).toHaveAttribute('data-result', 'applied');
    await expect(dialog.querySelector(part(parts.submit))).toHaveAttribute('data-state', 'ready');
    // The host's order: submit before cancel.
    const actions = [...dialog.querySelectorAll(`${part(parts.actions)} > *`)].map((element) =>
      element.getAttribute('data-part'),
    );
    await expect(actions).toEqual([parts.submit, parts.cancel]);
  },
} satisfies Meta<typeof AdjustAllowanceRoot>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
