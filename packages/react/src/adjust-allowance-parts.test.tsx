import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test/axe';
import { clientFor } from '../test/mock-api';
import {
  AdjustAllowanceCancel,
  AdjustAllowanceContent,
  AdjustAllowanceDescription,
  AdjustAllowanceForm,
  AdjustAllowanceQuantity,
  AdjustAllowanceQuote,
  AdjustAllowanceRoot,
  AdjustAllowanceSubmit,
  AdjustAllowanceTitle,
  AdjustAllowanceTrigger,
  adjustAllowanceAnatomy,
  SeatsProvider,
  useAdjustAllowance,
} from './index';

const { parts } = adjustAllowanceAnatomy;
const dazos = () => clientFor('delta-upgrade-at-limit', 'owner');

/** A host's own part, reading the draft the kit's parts share. */
function HostSummary() {
  const { draft } = useAdjustAllowance();
  return <output data-testid="host-summary">{draft.canSubmit ? 'ready' : 'waiting'}</output>;
}

describe('AdjustAllowance parts', () => {
  it('forward their refs to their elements and let the consumer props win over the kit', async () => {
    const refs = {
      trigger: createRef<HTMLButtonElement>(),
      content: createRef<HTMLDivElement>(),
      title: createRef<HTMLHeadingElement>(),
      form: createRef<HTMLFormElement>(),
      quantity: createRef<HTMLDivElement>(),
      quote: createRef<HTMLDivElement>(),
      submit: createRef<HTMLButtonElement>(),
      cancel: createRef<HTMLButtonElement>(),
    };
    render(
      <SeatsProvider client={dazos()}>
        <AdjustAllowanceRoot defaultOpen>
          <AdjustAllowanceTrigger ref={refs.trigger} data-part="host-trigger" />
          <AdjustAllowanceContent ref={refs.content} data-seats="host-dialog">
            <AdjustAllowanceTitle ref={refs.title} className="host-title" />
            <AdjustAllowanceDescription />
            <AdjustAllowanceForm ref={refs.form} noValidate={false}>
              <AdjustAllowanceQuantity ref={refs.quantity} data-part="host-field" />
              <AdjustAllowanceQuote ref={refs.quote} aria-live="off" />
              <AdjustAllowanceCancel ref={refs.cancel} />
              <AdjustAllowanceSubmit ref={refs.submit} data-state="host" />
            </AdjustAllowanceForm>
          </AdjustAllowanceContent>
        </AdjustAllowanceRoot>
      </SeatsProvider>,
    );
    const dialog = await screen.findByRole('dialog');
    expect(refs.content.current).toBe(dialog);
    expect(dialog.getAttribute('data-seats')).toBe('host-dialog');
    expect(refs.trigger.current?.tagName).toBe('BUTTON');
    expect(refs.trigger.current?.getAttribute('data-part')).toBe('host-trigger');
    expect(refs.title.current?.tagName).toBe('H2');
    expect(refs.title.current?.className).toBe('host-title');
    expect(refs.form.current?.tagName).toBe('FORM');
    expect(refs.form.current?.noValidate).toBe(false);
    expect(refs.quantity.current?.getAttribute('data-part')).toBe('host-field');
    expect(refs.quantity.current?.querySelector(`[data-part="${parts.input}"]`)).not.toBeNull();
    expect(refs.quote.current?.getAttribute('aria-live')).toBe('off');
    expect(refs.quote.current?.getAttribute('data-part')).toBe(parts.quote);
    expect(refs.submit.current?.getAttribute('data-state')).toBe('host');
    expect(refs.cancel.current?.getAttribute('data-part')).toBe(parts.cancel);
  });

  it('passes open and onOpenChange to the dialog when controlled', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const tree = (open: boolean) => (
      <SeatsProvider client={dazos()}>
        <AdjustAllowanceRoot open={open} onOpenChange={onOpenChange}>
          <AdjustAllowanceTrigger />
          <AdjustAllowanceContent>
            <AdjustAllowanceTitle />
            <AdjustAllowanceDescription />
            <AdjustAllowanceCancel />
          </AdjustAllowanceContent>
        </AdjustAllowanceRoot>
      </SeatsProvider>
    );
    const { rerender } = render(tree(false));
    await user.click(await screen.findByRole('button', { name: 'Upgrade' }));
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(screen.queryByRole('dialog')).toBeNull();
    rerender(tree(true));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('opens and closes on its own when uncontrolled, starting from defaultOpen', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    render(
      <SeatsProvider client={dazos()}>
        <AdjustAllowanceRoot defaultOpen onOpenChange={onOpenChange}>
          <AdjustAllowanceTrigger />
          <AdjustAllowanceContent>
            <AdjustAllowanceTitle />
            <AdjustAllowanceDescription />
            <AdjustAllowanceCancel />
          </AdjustAllowanceContent>
        </AdjustAllowanceRoot>
      </SeatsProvider>,
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onOpenChange).toHaveBeenCalledWith(false);
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });

  it('throws a message naming the root when a part is used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() =>
      render(
        <SeatsProvider client={dazos()}>
          <AdjustAllowanceSubmit />
        </SeatsProvider>,
      ),
    ).toThrow('`AdjustAllowanceSubmit` must be used within `AdjustAllowanceContent`');
    vi.mocked(console.error).mockRestore();
  });

  it('buys licences through a host layout re-assembled from the parts (Dazos)', async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    render(
      <SeatsProvider client={dazos()}>
        <AdjustAllowanceRoot onSuccess={onSuccess}>
          <AdjustAllowanceTrigger asChild>
            <button type="button" className="host-button">
              Buy seats
            </button>
          </AdjustAllowanceTrigger>
          <AdjustAllowanceContent className="host-sheet">
            <header>
              <AdjustAllowanceTitle>Seats</AdjustAllowanceTitle>
              <AdjustAllowanceDescription />
            </header>
            <AdjustAllowanceForm className="host-grid">
              <section>
                <AdjustAllowanceQuantity />
              </section>
              <aside>
                <HostSummary />
                <AdjustAllowanceQuote />
              </aside>
              <footer>
                <AdjustAllowanceSubmit>Pay</AdjustAllowanceSubmit>
              </footer>
            </AdjustAllowanceForm>
          </AdjustAllowanceContent>
        </AdjustAllowanceRoot>
      </SeatsProvider>,
    );
    const trigger = await screen.findByRole('button', { name: 'Buy seats' });
    expect(trigger.className).toBe('host-button');
    await user.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'Seats' });
    expect(dialog.className).toBe('host-sheet');
    expect(within(dialog).getByTestId('host-summary').textContent).toBe('waiting');
    await user.type(within(dialog).getByLabelText('Number of additional users'), '2');
    expect(
      (await within(dialog).findByText(/^2 licences × \$49\.00, /)).nextElementSibling?.textContent,
    ).toBe('$98.00');
    await waitFor(() =>
      expect(within(dialog).getByTestId('host-summary').textContent).toBe('ready'),
    );
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledOnce());
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ status: 'applied', plan: { added: 2 } });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('describes the submit by the hint only when the host layout has one (OpenCRM terms)', async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease', 'System Admin')}>
        <AdjustAllowanceRoot>
          <AdjustAllowanceTrigger>Licences</AdjustAllowanceTrigger>
          <AdjustAllowanceContent>
            <AdjustAllowanceTitle>Licences</AdjustAllowanceTitle>
            <AdjustAllowanceForm>
              <AdjustAllowanceQuantity />
              <AdjustAllowanceQuote />
              <AdjustAllowanceSubmit>Save</AdjustAllowanceSubmit>
            </AdjustAllowanceForm>
          </AdjustAllowanceContent>
        </AdjustAllowanceRoot>
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Licences' }));
    const dialog = await screen.findByRole('dialog', { name: 'Licences' });
    const input = dialog.querySelector<HTMLInputElement>('input[data-part="input"]');
    if (input === null) throw new Error('no input');
    await user.clear(input);
    await user.type(input, '13');
    await waitFor(() =>
      expect(dialog.querySelector('[data-part="plan"][data-kind="increase"]')).not.toBeNull(),
    );
    const submit = within(dialog).getByRole('button', { name: 'Save' });
    // The terms are missing and no hint part is on the page: no description pointing at nothing.
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    expect(submit.getAttribute('aria-describedby')).toBeNull();
  });
});
