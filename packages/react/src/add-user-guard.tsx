import type { ComponentPropsWithoutRef } from 'react';
import type { AddUserGuardPart } from './add-user-guard-anatomy';
import {
  AddUserGuardCancel,
  AddUserGuardContent,
  AddUserGuardDescription,
  AddUserGuardPending,
  AddUserGuardRemedies,
  AddUserGuardRoot,
  type AddUserGuardRootProps,
  AddUserGuardTitle,
  AddUserGuardTrigger,
} from './add-user-guard-parts';

export type { AddUserOutcome } from './use-add-user-guard';

export interface AddUserGuardProps
  extends Omit<AddUserGuardRootProps, 'children'>,
    ComponentPropsWithoutRef<'button'> {
  /** Render the host's own control (e.g. its "Add user" button) instead of a `<button>`. */
  asChild?: boolean;
}

/**
 * Guards the host's "Add user" or "Activate" control: lets the action proceed when a licence is
 * free, else explains and offers the remedies `@seats/core` lists, in order, and resumes the
 * action once one of them worked. The `AddUserGuard*` parts, assembled; the rest of the props go
 * to the guarded control.
 */
export function AddUserGuard({
  member,
  before,
  stage,
  onProceed,
  onAskAdmin,
  open,
  defaultOpen,
  onOpenChange,
  paymentMethodHref,
  ...props
}: AddUserGuardProps) {
  const root = { member, before, stage, onProceed, onAskAdmin, open, defaultOpen, onOpenChange };
  return (
    <AddUserGuardRoot {...root} paymentMethodHref={paymentMethodHref}>
      <AddUserGuardTrigger {...props} />
      <AddUserGuardContent>
        <AddUserGuardTitle />
        <AddUserGuardDescription />
        <AddUserGuardPending />
        <AddUserGuardRemedies />
        <div data-part={'actions' satisfies AddUserGuardPart}>
          <AddUserGuardCancel />
        </div>
      </AddUserGuardContent>
    </AddUserGuardRoot>
  );
}
