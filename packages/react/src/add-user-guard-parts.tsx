import { composeEventHandlers } from '@radix-ui/primitive';
import { useComposedRefs } from '@radix-ui/react-compose-refs';
import { Slot } from '@radix-ui/react-slot';
import { describeUnitPrice, freeLicenceAction, type MemberChangeDecision } from '@seats/core';
import {
  type ComponentPropsWithoutRef,
  createContext,
  forwardRef,
  type ReactNode,
  type RefObject,
  useId,
  useRef,
} from 'react';
// Each `data-part` name `satisfies Part`: checked against the anatomy, a plain string in the bundle.
import type { AddUserGuardPart as Part } from './add-user-guard-anatomy';
import { AdjustAllowanceDialog } from './adjust-allowance-dialog';
import { AdjustAllowanceCancel } from './adjust-allowance-parts';
import { MemberPicker } from './member-picker';
import { useRequiredContext, useSeats } from './seats-context';
import {
  DialogContent,
  type DialogContentProps,
  DialogDescription,
  DialogRoot,
  DialogTitle,
} from './seats-dialog';
import type { AddUserDecision } from './use-add-user-decision';
import {
  type AddUserGuardController,
  type UseAddUserGuardOptions,
  useAddUserGuard,
} from './use-add-user-guard';
import { useSeatsMessages } from './use-seats-messages';

interface GuardContextValue extends AddUserGuardController {
  triggerRef: RefObject<HTMLButtonElement | null>;
}

/** Read by screen readers, not shown: the page keeps it while the guard's dialog comes and goes. */
const visuallyHidden = {
  position: 'absolute',
  inlineSize: 1,
  blockSize: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;

const GuardContext = createContext<GuardContextValue | null>(null);

function useGuard(user: string): GuardContextValue {
  return useRequiredContext(GuardContext, user, 'AddUserGuardRoot');
}

export interface AddUserGuardRootProps extends UseAddUserGuardOptions {
  /** Offered by the adjust dialog when a payment fails. */
  paymentMethodHref?: string | undefined;
  children?: ReactNode;
}

/**
 * The guard's state (`useAddUserGuard`) and its dialog (controlled or not); opens the adjust dialog when the viewer chooses to buy licences.
 */
export function AddUserGuardRoot({
  paymentMethodHref,
  children,
  ...options
}: AddUserGuardRootProps) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  const guard = useAddUserGuard(options);
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const { announcement, summary } = guard;
  let announced = '';
  if (announcement?.kind === 'purchased') {
    // Worded as the adjust dialog's status says the same purchase.
    announced = t.committed({ change: announcement.change }, format);
  } else if (announcement?.kind === 'freed') {
    const action =
      summary?.access === 'full' ? freeLicenceAction(summary.policy, { allowDelete: true }) : null;
    announced = t.memberFreed(
      {
        name: announcement.member.name,
        action: action?.kind === 'delete' ? 'delete' : 'deactivate',
      },
      format,
    );
  }
  return (
    <GuardContext.Provider value={{ ...guard, triggerRef }}>
      <span role="status" data-part={'announcement' satisfies Part} style={visuallyHidden}>
        {announced}
      </span>
      <DialogRoot open={guard.open} setOpen={guard.setOpen} returnFocus={() => triggerRef.current}>
        {children}
      </DialogRoot>
      {guard.buying !== null && (
        <AdjustAllowanceDialog
          hideTrigger
          open
          poolId={guard.buying.poolId}
          defaultValue={guard.buyingValue}
          paymentMethodHref={paymentMethodHref}
          returnFocus={() => triggerRef.current}
          onOpenChange={(next) => {
            if (!next) guard.stopBuying();
          }}
          onSuccess={guard.purchased}
        />
      )}
    </GuardContext.Provider>
  );
}

export interface AddUserGuardTriggerProps extends ComponentPropsWithoutRef<'button'> {
  /** Render the host's own control (e.g. its "Add user" button) instead of a `<button>`. */
  asChild?: boolean;
}

/**
 * The host's guarded control: the action goes ahead at once when a licence is free, else the
 * guard's dialog opens. The host's `onClick` runs first; `preventDefault()` stops the guard.
 */
export const AddUserGuardTrigger = forwardRef<HTMLButtonElement, AddUserGuardTriggerProps>(
  function AddUserGuardTrigger({ asChild = false, onClick, ...props }, ref) {
    const guard = useGuard('AddUserGuardTrigger');
    const composedRef = useComposedRefs(ref, guard.triggerRef);
    const Component = asChild ? Slot : 'button';
    return (
      <Component
        {...(asChild ? {} : { type: 'button' as const })}
        data-seats="guard"
        data-state={guard.state}
        aria-haspopup={guard.state === 'blocked' ? 'dialog' : undefined}
        {...props}
        ref={composedRef}
        onClick={composeEventHandlers(onClick, guard.activate)}
      />
    );
  },
);

/** The guard's dialog (in a portal, over an overlay); focus returns to the guarded control. */
export const AddUserGuardContent = forwardRef<HTMLDivElement, DialogContentProps>(
  function AddUserGuardContent({ onCloseAutoFocus, ...props }, ref) {
    const { dir } = useSeats();
    const guard = useGuard('AddUserGuardContent');
    return (
      <DialogContent
        overlay={'overlay' satisfies Part}
        dir={dir}
        data-seats="guard-dialog"
        data-part={'content' satisfies Part}
        {...props}
        ref={ref}
        onCloseAutoFocus={composeEventHandlers(onCloseAutoFocus, (event) => {
          // Buying opens the adjust dialog, which takes focus and gives it back on its own close.
          if (guard.buying !== null) event.preventDefault();
        })}
      />
    );
  },
);

/** Why the action waits: no licence is free, or the viewer may not add users at all. */
export const AddUserGuardTitle = forwardRef<HTMLHeadingElement, ComponentPropsWithoutRef<'h2'>>(
  function AddUserGuardTitle({ children, ...props }, ref) {
    const { format } = useSeats();
    const t = useSeatsMessages();
    const { decision } = useGuard('AddUserGuardTitle');
    return (
      <DialogTitle data-part={'title' satisfies Part} {...props} ref={ref}>
        {children ??
          (decision?.outcome === 'forbidden'
            ? t.guardForbidden(undefined, format)
            : t.guardTitle(undefined, format))}
      </DialogTitle>
    );
  },
);

/** A shortfall with its counts: what a viewer who may see licences is told. */
function isCountedShortfall(
  decision: AddUserDecision,
): decision is Extract<MemberChangeDecision, { outcome: 'needs-licence' }> {
  return decision.outcome === 'needs-licence' && 'used' in decision;
}

/** How many licences are used of how many, or that the action is blocked. */
export const AddUserGuardDescription = forwardRef<
  HTMLParagraphElement,
  ComponentPropsWithoutRef<'p'>
>(function AddUserGuardDescription({ children, ...props }, ref) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  const { decision } = useGuard('AddUserGuardDescription');
  return (
    <DialogDescription data-part={'description' satisfies Part} {...props} ref={ref}>
      {children ??
        (decision !== null && isCountedShortfall(decision)
          ? t.guardBody({ used: decision.used, purchased: decision.purchased }, format)
          : t.guardBlocked(undefined, format))}
    </DialogDescription>
  );
});

/** Said once licences were bought but wait for their e-signature. */
export const AddUserGuardPending = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(
  function AddUserGuardPending(props, ref) {
    const { format } = useSeats();
    const t = useSeatsMessages();
    const { pendingSignature, remedies } = useGuard('AddUserGuardPending');
    if (!pendingSignature || remedies === null) return null;
    return (
      <p role="status" data-part={'pending' satisfies Part} {...props} ref={ref}>
        {t.guardPending(undefined, format)}
      </p>
    );
  },
);

/**
 * The remedies the policy allows, in its order: buy, use a status or role that consumes none,
 * free a licence (the member picker), ask an admin.
 */
export const AddUserGuardRemedies = forwardRef<HTMLUListElement, ComponentPropsWithoutRef<'ul'>>(
  function AddUserGuardRemedies(props, ref) {
    const { format } = useSeats();
    const t = useSeatsMessages();
    const guard = useGuard('AddUserGuardRemedies');
    const consequenceId = useId();
    if (guard.remedies === null) return null;
    // The first remedy is the policy's recommendation and the primary action; each says what it does.
    const consequence = (kind: string, text: string) => (
      <p id={`${consequenceId}${kind}`} data-part={'consequence' satisfies Part}>
        {text}
      </p>
    );
    if (guard.remedies.length === 0) {
      return <p data-part={'blocked' satisfies Part}>{t.guardBlocked(undefined, format)}</p>;
    }
    return (
      <ul data-part={'remedies' satisfies Part} {...props} ref={ref}>
        {guard.remedies.map((remedy) => {
          switch (remedy.kind) {
            case 'buy':
              return (
                <li key="buy" data-part={'remedy' satisfies Part} data-kind="buy">
                  <button
                    type="button"
                    aria-describedby={`${consequenceId}buy`}
                    onClick={() => guard.buy(remedy)}
                  >
                    {t.remedyBuy({ quantity: remedy.quantity }, format)}
                  </button>
                  {guard.summary?.access === 'full' &&
                    consequence(
                      'buy',
                      t.unitPrice(
                        {
                          ...describeUnitPrice(
                            guard.summary.usage.pools.find(
                              (pool) => pool.poolId === remedy.poolId,
                            ) ?? {
                              unitPrice: 0,
                              term: 'monthly',
                            },
                            guard.summary.account,
                            guard.summary.policy,
                          ),
                          currency: guard.summary.account.currency,
                        },
                        format,
                      ),
                    )}
                </li>
              );
            case 'use-non-consuming':
              return (
                <li
                  key="use-non-consuming"
                  data-part={'remedy' satisfies Part}
                  data-kind="use-non-consuming"
                >
                  {remedy.statuses.map((status) => (
                    <button
                      key={`status:${status}`}
                      type="button"
                      aria-describedby={`${consequenceId}use-non-consuming`}
                      onClick={() => guard.chooseStatus(status)}
                    >
                      {t.remedyNonConsuming({ status: t.statusName({ status }, format) }, format)}
                    </button>
                  ))}
                  {remedy.roles.map((role) => (
                    <button
                      key={`role:${role}`}
                      type="button"
                      aria-describedby={`${consequenceId}use-non-consuming`}
                      onClick={() => guard.chooseRole(role)}
                    >
                      {t.remedyNonConsuming({ role: t.roleName({ role }, format) }, format)}
                    </button>
                  ))}
                  {consequence(
                    'use-non-consuming',
                    t.remedyConsequence({ kind: 'use-non-consuming' }, format),
                  )}
                </li>
              );
            case 'free-licence':
              return (
                <li key="free-licence" data-part={'remedy' satisfies Part} data-kind="free-licence">
                  <button
                    type="button"
                    aria-expanded={guard.isFreeing}
                    aria-describedby={`${consequenceId}free-licence`}
                    onClick={guard.toggleFreeing}
                  >
                    {t.remedyFreeLicence({ quantity: remedy.quantity }, format)}
                  </button>
                  {consequence(
                    'free-licence',
                    t.remedyConsequence({ kind: 'free-licence' }, format),
                  )}
                  {guard.isFreeing && (
                    <MemberPicker poolId={remedy.poolId} allowDelete onFreed={guard.freed} />
                  )}
                </li>
              );
            case 'ask-admin': {
              const roles = remedy.roles.map((role) => t.roleName({ role }, format));
              const { askAdmin } = guard;
              return (
                <li key="ask-admin" data-part={'remedy' satisfies Part} data-kind="ask-admin">
                  {askAdmin === undefined ? (
                    <p>{t.remedyAskAdmin({ roles }, format)}</p>
                  ) : (
                    <button
                      type="button"
                      aria-describedby={`${consequenceId}ask-admin`}
                      onClick={() => askAdmin(remedy.roles)}
                    >
                      {t.remedyAskAdmin({ roles }, format)}
                    </button>
                  )}
                  {askAdmin !== undefined &&
                    consequence('ask-admin', t.remedyConsequence({ kind: 'ask-admin' }, format))}
                </li>
              );
            }
            case 'continue':
              return (
                <li key="continue" data-part={'remedy' satisfies Part} data-kind="continue">
                  <button
                    type="button"
                    aria-describedby={`${consequenceId}continue`}
                    onClick={guard.continueAnyway}
                  >
                    {t.guardContinue(undefined, format)}
                  </button>
                  {consequence('continue', t.remedyConsequence({ kind: 'continue' }, format))}
                </li>
              );
            default:
              return null;
          }
        })}
      </ul>
    );
  },
);

/** Closes the guard's dialog; the action does not go ahead. The adjust dialog's cancel part. */
export const AddUserGuardCancel = AdjustAllowanceCancel;
