import type { Summary } from '@seats/client';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import type { MemberPickerPart } from './add-user-guard-anatomy';
import { useSeats } from './seats-context';
import { useFreeLicence } from './use-free-licence';
import { useSeatsMessages } from './use-seats-messages';

/** A `data-part` name, checked against the anatomy (a string at run time, so the map stays out of bundles). */
const part = (name: MemberPickerPart) => name;

export interface MemberPickerProps extends ComponentPropsWithoutRef<'div'> {
  /** The licence type whose consuming members are offered. */
  poolId: string;
  /** Delete a member when the policy has no status that consumes no licence. @default false */
  allowDelete?: boolean;
  /** Room to add a member, or to remove licences. @default 'add' */
  purpose?: 'add' | 'decrease';
  /** Called with the refreshed summary once a member's licence was freed. */
  onFreed?: (summary: Summary) => void;
  /** Said above the members, e.g. whom to pick. */
  prompt?: ReactNode;
}

/**
 * The members holding a licence of a type, each a button that frees it: below what is assigned in
 * the adjust dialog, and the guard's "free a licence" remedy.
 */
export const MemberPicker = forwardRef<HTMLDivElement, MemberPickerProps>(function MemberPicker(
  { poolId, allowDelete, purpose, onFreed, prompt, ...props },
  ref,
) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  const picker = useFreeLicence({ poolId, allowDelete, purpose, onFreed });
  if (picker.members === null) return null;
  return (
    <div data-part={part('member-picker')} {...props} ref={ref}>
      {prompt !== undefined && <p data-part={part('member-picker-prompt')}>{prompt}</p>}
      <ul data-part={part('member-list')}>
        {picker.members.map((member) => (
          <li key={member.id}>
            <button
              type="button"
              data-part={part('member-option')}
              aria-disabled={picker.isBusy || undefined}
              onClick={() => void picker.free(member)}
            >
              {t.deactivate({ name: member.name }, format)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
});
