import type { MemberRecord, Summary } from '@seats/client';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useId, useState } from 'react';
// Each `data-part` name `satisfies Part`: checked against the anatomy, a plain string in the bundle.
import type { MemberPickerPart as Part } from './add-user-guard-anatomy';
import { useSeats } from './seats-context';
import { useFreeLicence } from './use-free-licence';
import { useSeatsMessages } from './use-seats-messages';

export interface MemberPickerProps extends ComponentPropsWithoutRef<'div'> {
  /** The licence type whose consuming members are offered. */
  poolId: string;
  /** Delete a member when the policy has no status that consumes no licence. @default false */
  allowDelete?: boolean;
  /** Room to add a member, or to remove licences. @default 'add' */
  purpose?: 'add' | 'decrease';
  /** Called with the refreshed summary and the member once their licence was freed. */
  onFreed?: (summary: Summary, member: MemberRecord) => void;
  /** Said above the members, e.g. whom to pick; names the group. */
  prompt?: ReactNode;
}

/**
 * The members holding a licence of a type, never the viewer nor an owner, each with name, email,
 * role and when they last changed: the viewer picks one, then confirms with a button that names them. Below what is assigned
 * in the adjust dialog, and the guard's "free a licence" remedy.
 */
export const MemberPicker = forwardRef<HTMLDivElement, MemberPickerProps>(function MemberPicker(
  { poolId, allowDelete, purpose, onFreed, prompt, ...props },
  ref,
) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  const id = useId();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const picker = useFreeLicence({ poolId, allowDelete, purpose, onFreed });
  if (picker.members === null || picker.action === null) return null;
  const verb = picker.action.kind === 'delete' ? 'delete' : 'deactivate';
  const chosen = picker.members.find((member) => member.id === chosenId) ?? null;
  return (
    <div data-part={'member-picker' satisfies Part} {...props} ref={ref}>
      <p id={`${id}prompt`} data-part={'member-picker-prompt' satisfies Part}>
        {prompt ?? t.pickMember({ action: verb }, format)}
      </p>
      {picker.members.length === 0 ? (
        <p data-part={'member-picker-empty' satisfies Part}>
          {t.noMemberToFree(undefined, format)}
        </p>
      ) : (
        <div
          role="radiogroup"
          aria-labelledby={`${id}prompt`}
          data-part={'member-list' satisfies Part}
        >
          {picker.members.map((member, index) => (
            <label key={member.id} data-part={'member-option' satisfies Part}>
              <input
                type="radio"
                name={`${id}member`}
                value={member.id}
                checked={member.id === chosenId}
                aria-labelledby={`${id}name${index}`}
                aria-describedby={`${id}details${index}`}
                onChange={() => setChosenId(member.id)}
              />
              <span id={`${id}name${index}`} data-part={'member-name' satisfies Part}>
                {member.name}
              </span>
              <span id={`${id}details${index}`} data-part={'member-details' satisfies Part}>
                <span>{member.email}</span> <span>{t.roleName({ role: member.role }, format)}</span>{' '}
                <span>{t.memberChanged({ at: member.updatedAt }, format)}</span>
              </span>
            </label>
          ))}
        </div>
      )}
      {picker.problem !== null && (
        <p role="alert" data-part={'member-picker-error' satisfies Part}>
          {picker.problem.kind === 'network'
            ? t.networkError(undefined, format)
            : t.genericError({ message: picker.problem.message }, format)}
        </p>
      )}
      <p role="status" data-part={'member-picker-status' satisfies Part}>
        {picker.freed !== null && t.memberFreed({ name: picker.freed.name, action: verb }, format)}
      </p>
      {chosen !== null && (
        <button
          type="button"
          data-part={'member-confirm' satisfies Part}
          aria-disabled={picker.isBusy || undefined}
          onClick={() => void picker.free(chosen)}
        >
          {verb === 'delete'
            ? t.deleteMember({ name: chosen.name }, format)
            : t.deactivate({ name: chosen.name }, format)}
        </button>
      )}
    </div>
  );
});
