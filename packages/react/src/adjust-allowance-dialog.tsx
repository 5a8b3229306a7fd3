import type { ComponentPropsWithoutRef, ReactElement } from 'react';
import type { AdjustAllowancePart } from './adjust-allowance-anatomy';
import {
  AdjustAllowanceCancel,
  AdjustAllowanceConfirmations,
  AdjustAllowanceContent,
  AdjustAllowanceDescription,
  AdjustAllowanceDirection,
  AdjustAllowanceError,
  AdjustAllowanceForm,
  AdjustAllowanceQuantity,
  AdjustAllowanceQuote,
  AdjustAllowanceRequoted,
  AdjustAllowanceRestore,
  AdjustAllowanceResult,
  AdjustAllowanceRoot,
  type AdjustAllowanceRootProps,
  AdjustAllowanceStatus,
  AdjustAllowanceSubmit,
  AdjustAllowanceSubmitHint,
  AdjustAllowanceTitle,
  AdjustAllowanceTrigger,
} from './adjust-allowance-parts';

export interface AdjustAllowanceDialogProps
  extends Omit<AdjustAllowanceRootProps, 'children'>,
    Omit<ComponentPropsWithoutRef<'div'>, 'onChange' | 'defaultValue' | 'children'> {
  /**
   * Your own trigger element, rendered through Radix `asChild`.
   * @default a button labelled by the `adjustTrigger` message
   */
  children?: ReactElement;
  /** Render no trigger: for a dialog opened only through `open`. @default false */
  hideTrigger?: boolean;
}

/**
 * Change a licence type's allowance as the account's policy says: input as a delta or a new total,
 * a live server quote, decreases and restores, confirmations, and a commit that is safe to retry.
 * The `AdjustAllowance*` parts, assembled; the rest of the props go to the dialog element.
 */
export function AdjustAllowanceDialog({
  poolId,
  open,
  defaultOpen,
  onOpenChange,
  defaultValue,
  onSuccess,
  paymentMethodHref,
  termsHref,
  debounceMs,
  returnFocus,
  children,
  hideTrigger = false,
  ...props
}: AdjustAllowanceDialogProps) {
  const root = { poolId, open, defaultOpen, onOpenChange, defaultValue, onSuccess, returnFocus };
  return (
    <AdjustAllowanceRoot
      {...root}
      paymentMethodHref={paymentMethodHref}
      termsHref={termsHref}
      debounceMs={debounceMs}
    >
      {!hideTrigger && (
        <AdjustAllowanceTrigger asChild={children !== undefined}>{children}</AdjustAllowanceTrigger>
      )}
      <AdjustAllowanceStatus />
      <AdjustAllowanceContent {...props}>
        <AdjustAllowanceTitle />
        <AdjustAllowanceResult />
        <AdjustAllowanceForm>
          <AdjustAllowanceDescription />
          <AdjustAllowanceDirection />
          <AdjustAllowanceQuantity>
            <AdjustAllowanceRestore />
          </AdjustAllowanceQuantity>
          <AdjustAllowanceQuote />
          <AdjustAllowanceConfirmations />
          <AdjustAllowanceRequoted />
          <AdjustAllowanceError />
          <AdjustAllowanceSubmitHint />
          <div data-part={'actions' satisfies AdjustAllowancePart}>
            <AdjustAllowanceCancel />
            <AdjustAllowanceSubmit />
          </div>
        </AdjustAllowanceForm>
      </AdjustAllowanceContent>
    </AdjustAllowanceRoot>
  );
}
