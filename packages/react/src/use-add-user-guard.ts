import type { Change, MemberRecord, Summary } from '@seats/client';
import type { MemberAssignment, Remedy } from '@seats/core';
import { useState } from 'react';
import {
  decideAddUser,
  defaultNewMember,
  type UseAddUserDecisionOptions,
  useAddUserDecision,
} from './use-add-user-decision';
import { useControllableState } from './use-controllable-state';

/** How the guarded action may go ahead, with the member to create (or the change to make). */
export type AddUserOutcome =
  /** A licence was free. */
  | { kind: 'allowed'; member: MemberAssignment }
  /** Licences were bought through the adjust dialog and are usable now. */
  | { kind: 'purchased'; member: MemberAssignment; change: Change }
  /** Go ahead with this status, which consumes no licence; `member` carries it. */
  | { kind: 'non-consuming-status'; member: MemberAssignment; status: string }
  /** Go ahead with this role, which consumes no licence; `member` carries it. */
  | { kind: 'non-consuming-role'; member: MemberAssignment; role: string }
  /** Members were deactivated (or deleted) to free the licence. */
  | { kind: 'freed'; member: MemberAssignment }
  /**
   * The admin went on past the warning as the form opened (`stage: 'open'`, a policy with
   * `continue`): open the form; its save is guarded again and may still need a licence.
   */
  | { kind: 'continued'; member: MemberAssignment };

export interface UseAddUserGuardOptions extends UseAddUserDecisionOptions {
  /** The guarded action: runs at once when a licence is free, or after a remedy. */
  onProceed: (outcome: AddUserOutcome) => void;
  /** Called with the roles that may buy licences when the viewer chooses to ask them. */
  onAskAdmin?: ((roles: string[]) => void) | undefined;
  /** Controlled open state of the guard's dialog. */
  open?: boolean | undefined;
  /** @default false */
  defaultOpen?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
}

/** What the guard's live region says once a remedy worked and its dialog closed. */
export type GuardAnnouncement =
  | { kind: 'purchased'; change: Change }
  | { kind: 'freed'; member: MemberRecord };

/** The guard's state: whether it lets the action through, its dialog, and its remedies' actions. */
export type GuardState = 'pending' | 'allowed' | 'blocked';

/**
 * The add-user guard without its markup: `@seats/core`'s decision for the member, the dialog's
 * open state, and what each remedy does, each ending in `onProceed` with the member to create.
 */
export function useAddUserGuard({
  member,
  before,
  stage,
  onProceed,
  onAskAdmin,
  open,
  defaultOpen = false,
  onOpenChange,
}: UseAddUserGuardOptions) {
  const result = useAddUserDecision({ member, before, stage });
  const [isOpen, setOpen] = useControllableState({
    prop: open,
    defaultProp: defaultOpen,
    onChange: onOpenChange,
  });
  const [buying, setBuying] = useState<Extract<Remedy, { kind: 'buy' }> | null>(null);
  const [isFreeing, setFreeing] = useState(false);
  const [pendingSignature, setPendingSignature] = useState(false);
  const [announcement, setAnnouncement] = useState<GuardAnnouncement | null>(null);
  const decision = result.status === 'ready' ? result.decision : null;
  const summary = result.status === 'ready' ? result.summary : null;
  const target = member ?? (summary === null ? null : defaultNewMember(summary));
  const proceed = (outcome: AddUserOutcome) => {
    setOpen(false);
    onProceed(outcome);
  };
  const state: GuardState =
    decision === null ? 'pending' : decision.outcome === 'allowed' ? 'allowed' : 'blocked';

  return {
    decision,
    summary,
    state,
    open: isOpen,
    setOpen,
    /** The remedies to offer, when the member needs a licence and none is free. */
    remedies: decision?.outcome === 'needs-licence' ? decision.remedies : null,
    pendingSignature,
    /** What the host page's live region says: the last remedy that worked. */
    announcement,
    /** The guarded control was activated: proceed at once, or open the dialog. */
    activate: () => {
      if (decision === null || target === null) return;
      // An invalid member is the host's to report; the server answers it with field errors.
      if (decision.outcome === 'allowed' || decision.outcome === 'invalid') {
        onProceed({ kind: 'allowed', member: target });
        return;
      }
      setPendingSignature(false);
      setFreeing(false);
      setAnnouncement(null);
      setOpen(true);
    },
    buying,
    /** The number the adjust dialog opens with to buy what the remedy says. */
    buyingValue:
      buying === null
        ? undefined
        : summary?.access === 'full' && summary.policy.changeInput === 'delta'
          ? buying.quantity
          : buying.total,
    buy: (remedy: Extract<Remedy, { kind: 'buy' }>) => {
      setOpen(false);
      setBuying(remedy);
    },
    stopBuying: () => setBuying(null),
    purchased: (change: Change) => {
      if (target === null) return;
      if (change.status !== 'applied') {
        setPendingSignature(true);
        return;
      }
      setBuying(null);
      setAnnouncement({ kind: 'purchased', change });
      onProceed({ kind: 'purchased', member: target, change });
    },
    /** Go on to the form past the warning; its save is checked again. */
    continueAnyway: () => {
      if (target !== null) proceed({ kind: 'continued', member: target });
    },
    chooseStatus: (status: string) => {
      if (target !== null)
        proceed({ kind: 'non-consuming-status', member: { ...target, status }, status });
    },
    chooseRole: (role: string) => {
      if (target !== null)
        proceed({ kind: 'non-consuming-role', member: { ...target, role }, role });
    },
    askAdmin:
      onAskAdmin === undefined
        ? undefined
        : (roles: string[]) => {
            setOpen(false);
            onAskAdmin(roles);
          },
    isFreeing,
    toggleFreeing: () => setFreeing(!isFreeing),
    /** A licence was freed: proceed once core allows the member on the refreshed summary. */
    freed: (fresh: Summary, member: MemberRecord) => {
      setAnnouncement({ kind: 'freed', member });
      if (target === null) return;
      const next = decideAddUser(fresh, target, before ?? null, stage);
      if (next.outcome === 'allowed') proceed({ kind: 'freed', member: target });
    },
  };
}

/** What `useAddUserGuard` returns. */
export type AddUserGuardController = ReturnType<typeof useAddUserGuard>;
