import type { Change, Summary } from '@seats/client';
import { decideMemberChange, type MemberAssignment, type Remedy } from '@seats/core';
import { Dialog, Slot } from 'radix-ui';
import {
  type ComponentPropsWithoutRef,
  type MouseEvent,
  type ReactNode,
  useRef,
  useState,
} from 'react';
import { AdjustAllowanceDialog } from './adjust-allowance-dialog';
import { useSeats } from './seats-context';
import { seatsKeys } from './seats-query-options';
import {
  defaultNewMember,
  type UseAddUserDecisionOptions,
  useAddUserDecision,
} from './use-add-user-decision';
import { useMembers } from './use-members';

/** How the guarded action may go ahead. */
export type AddUserOutcome =
  /** A licence was free. */
  | { kind: 'allowed' }
  /** Licences were bought through the adjust dialog and are usable now. */
  | { kind: 'purchased'; change: Change }
  /** Go ahead with this status or role, which consumes no licence. */
  | { kind: 'non-consuming'; status: string }
  | { kind: 'non-consuming'; role: string }
  /** Members were deactivated to free the licence. */
  | { kind: 'freed' };

export interface AddUserGuardProps
  extends UseAddUserDecisionOptions,
    Omit<ComponentPropsWithoutRef<'button'>, 'onClick'> {
  /** The guarded action: runs at once when a licence is free, or after a remedy. */
  onProceed: (outcome: AddUserOutcome) => void;
  /** Called with the roles that may buy licences when the viewer chooses to ask them. */
  onAskAdmin?: (roles: string[]) => void;
  /** Render the host's own control (e.g. its "Add user" button) instead of a `<button>`. */
  asChild?: boolean;
  /** Offered by the adjust dialog when a payment fails. */
  paymentMethodHref?: string;
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
  children?: ReactNode;
}

/**
 * Guards the host's "Add user" or "Activate" control: lets the action proceed when a licence is
 * free, else explains and offers the remedies `@seats/core` lists, in order, and resumes the
 * action once one of them worked.
 */
export function AddUserGuard({
  member,
  before,
  onProceed,
  onAskAdmin,
  asChild = false,
  paymentMethodHref,
  onClick,
  children,
  ...props
}: AddUserGuardProps) {
  const { messages: t, format, dir } = useSeats();
  const result = useAddUserDecision({ member, before });
  const [open, setOpen] = useState(false);
  const [buying, setBuying] = useState<Extract<Remedy, { kind: 'buy' }> | null>(null);
  const [pendingSignature, setPendingSignature] = useState(false);
  const controlRef = useRef<HTMLButtonElement>(null);
  const Component = asChild ? Slot.Root : 'button';

  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || result.status !== 'ready') return;
    const { decision } = result;
    if (decision.outcome === 'allowed' || decision.outcome === 'invalid') {
      // An invalid member is the host's to report; the server answers it with field errors.
      onProceed({ kind: 'allowed' });
      return;
    }
    setPendingSignature(false);
    setOpen(true);
  };

  const decision = result.status === 'ready' ? result.decision : null;
  const summary = result.status === 'ready' ? result.summary : null;
  const input = summary?.policy.changeInput ?? 'total';

  return (
    <>
      <Component
        {...(asChild ? {} : { type: 'button' as const })}
        {...props}
        ref={controlRef}
        data-seats="guard"
        data-state={
          decision === null ? 'pending' : decision.outcome === 'allowed' ? 'allowed' : 'blocked'
        }
        aria-haspopup={decision !== null && decision.outcome !== 'allowed' ? 'dialog' : undefined}
        onClick={handleClick}
      >
        {children}
      </Component>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Portal>
          <Dialog.Overlay data-seats="overlay" data-part="overlay" />
          <Dialog.Content
            dir={dir}
            data-seats="guard-dialog"
            data-part="content"
            onCloseAutoFocus={(event) => {
              if (buying !== null) return;
              event.preventDefault();
              controlRef.current?.focus();
            }}
          >
            <Dialog.Title data-part="title">
              {decision?.outcome === 'forbidden'
                ? t.guardForbidden(undefined, format)
                : t.guardTitle(undefined, format)}
            </Dialog.Title>
            {decision?.outcome === 'needs-licence' && summary !== null ? (
              <>
                <Dialog.Description data-part="description">
                  {t.guardBody({ used: decision.used, purchased: decision.purchased }, format)}
                </Dialog.Description>
                {pendingSignature && (
                  <p role="status" data-part="pending">
                    {t.guardPending(undefined, format)}
                  </p>
                )}
                <Remedies
                  summary={summary}
                  remedies={decision.remedies}
                  target={member ?? defaultNewMember(summary)}
                  before={before ?? null}
                  onBuy={(remedy) => {
                    setOpen(false);
                    setBuying(remedy);
                  }}
                  onProceed={(outcome) => {
                    setOpen(false);
                    onProceed(outcome);
                  }}
                  onAskAdmin={
                    onAskAdmin === undefined
                      ? undefined
                      : (roles) => {
                          setOpen(false);
                          onAskAdmin(roles);
                        }
                  }
                />
              </>
            ) : (
              <Dialog.Description data-part="description">
                {t.guardBlocked(undefined, format)}
              </Dialog.Description>
            )}
            <div data-part="actions">
              <Dialog.Close data-part="cancel">{t.cancel(undefined, format)}</Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {buying !== null && (
        <AdjustAllowanceDialog
          hideTrigger
          open
          poolId={buying.poolId}
          defaultValue={input === 'delta' ? buying.quantity : buying.total}
          paymentMethodHref={paymentMethodHref}
          onOpenChange={(next) => {
            if (!next) {
              setBuying(null);
              controlRef.current?.focus();
            }
          }}
          onSuccess={(change) => {
            if (change.status === 'applied') {
              setBuying(null);
              onProceed({ kind: 'purchased', change });
            } else setPendingSignature(true);
          }}
        />
      )}
    </>
  );
}

interface RemediesProps {
  summary: Summary;
  remedies: Remedy[];
  target: MemberAssignment;
  before: MemberAssignment | null;
  onBuy: (remedy: Extract<Remedy, { kind: 'buy' }>) => void;
  onProceed: (outcome: AddUserOutcome) => void;
  onAskAdmin: ((roles: string[]) => void) | undefined;
}

function Remedies({
  summary,
  remedies,
  target,
  before,
  onBuy,
  onProceed,
  onAskAdmin,
}: RemediesProps) {
  const { messages: t, format } = useSeats();
  const [freeing, setFreeing] = useState<Extract<Remedy, { kind: 'free-licence' }> | null>(null);
  if (remedies.length === 0) {
    return <p data-part="blocked">{t.guardBlocked(undefined, format)}</p>;
  }
  return (
    <ul data-part="remedies">
      {remedies.map((remedy) => {
        switch (remedy.kind) {
          case 'buy':
            return (
              <li key="buy" data-part="remedy" data-kind="buy">
                <button type="button" onClick={() => onBuy(remedy)}>
                  {t.remedyBuy({ quantity: remedy.quantity }, format)}
                </button>
              </li>
            );
          case 'use-non-consuming':
            return (
              <li key="use-non-consuming" data-part="remedy" data-kind="use-non-consuming">
                {remedy.statuses.map((status) => (
                  <button
                    key={`status:${status}`}
                    type="button"
                    onClick={() => onProceed({ kind: 'non-consuming', status })}
                  >
                    {t.remedyNonConsuming({ status: t.statusName({ status }, format) }, format)}
                  </button>
                ))}
                {remedy.roles.map((role) => (
                  <button
                    key={`role:${role}`}
                    type="button"
                    onClick={() => onProceed({ kind: 'non-consuming', role })}
                  >
                    {t.remedyNonConsuming({ role: t.roleName({ role }, format) }, format)}
                  </button>
                ))}
              </li>
            );
          case 'free-licence':
            return (
              <li key="free-licence" data-part="remedy" data-kind="free-licence">
                <button
                  type="button"
                  aria-expanded={freeing !== null}
                  onClick={() => setFreeing(freeing === null ? remedy : null)}
                >
                  {t.remedyFreeLicence({ quantity: remedy.quantity }, format)}
                </button>
                {freeing !== null && (
                  <FreeLicencePicker
                    summary={summary}
                    poolId={remedy.poolId}
                    target={target}
                    before={before}
                    onFreed={() => onProceed({ kind: 'freed' })}
                  />
                )}
              </li>
            );
          case 'ask-admin': {
            const roles = remedy.roles.map((role) => t.roleName({ role }, format));
            return (
              <li key="ask-admin" data-part="remedy" data-kind="ask-admin">
                {onAskAdmin === undefined ? (
                  <p>{t.remedyAskAdmin({ roles }, format)}</p>
                ) : (
                  <button type="button" onClick={() => onAskAdmin(remedy.roles)}>
                    {t.remedyAskAdmin({ roles }, format)}
                  </button>
                )}
              </li>
            );
          }
          default:
            return null;
        }
      })}
    </ul>
  );
}

function FreeLicencePicker({
  summary,
  poolId,
  target,
  before,
  onFreed,
}: {
  summary: Summary;
  poolId: string;
  target: MemberAssignment;
  before: MemberAssignment | null;
  onFreed: () => void;
}) {
  const { messages: t, format, client, queryClient, scope } = useSeats();
  const members = useMembers({ poolId, consuming: true });
  const [busy, setBusy] = useState(false);
  const { policy } = summary;
  const inactive = policy.statuses.find((status) => !policy.consumingStatuses.includes(status));
  if (members.data === undefined) return null;
  return (
    <ul data-part="free-licence">
      {members.data.items.map((candidate) => (
        <li key={candidate.id}>
          <button
            type="button"
            aria-disabled={busy}
            onClick={async () => {
              if (busy) return;
              setBusy(true);
              try {
                if (inactive === undefined) await client.deleteMember(candidate.id);
                else await client.updateMember(candidate.id, { status: inactive });
                await queryClient.invalidateQueries({ queryKey: seatsKeys.all(scope) });
                const fresh = queryClient.getQueryData<Summary>(seatsKeys.summary(scope));
                if (fresh === undefined) return;
                const decision = decideMemberChange({
                  policy: fresh.policy,
                  usage: fresh.usage,
                  before,
                  after: target,
                });
                if (decision.outcome === 'allowed') onFreed();
              } finally {
                setBusy(false);
              }
            }}
          >
            {t.deactivate({ name: candidate.name }, format)}
          </button>
        </li>
      ))}
    </ul>
  );
}
