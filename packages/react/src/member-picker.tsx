import type { Summary } from '@seats/client';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import { memberPickerAnatomy } from './add-user-guard-anatomy';
import { useSeats } from './seats-context';
import { useFreeLicence } from './use-free-licence';

export interface MemberPickerProps extends ComponentPropsWithoutRef<'div'> {
  /** The licence type whose consuming members are offered. */
  poolId: string;
  /** Delete a member when the policy has no status that consumes no licence. @default false */
  allowDelete?: boolean;
  /** Called with the refreshed summary once a member's licence was freed. */
  onFreed?: (summary: Summary) => void;
  /** Said above the members, e.g. whom to pick. */
  prompt?: ReactNode;
}

const { parts } = memberPickerAnatomy;

/**
 * The members holding a licence of a type, each a button that frees it: below what is assigned in
 * the adjust dialog, and the guard's "free a licence" remedy.
 */
export const MemberPicker = forwardRef<HTMLDivElement, MemberPickerProps>(function MemberPicker(
  { poolId, allowDelete, onFreed, prompt, ...props },
  ref,
) {
  const { messages: t, format } = useSeats();
  const picker = useFreeLicence({ poolId, allowDelete, onFreed });
  if (picker.members === null) return null;
  return (
    <div data-part={parts.root} {...props} ref={ref}>
      {prompt !== undefined && <p data-part={parts.prompt}>{prompt}</p>}
      <ul data-part={parts.list}>
        {picker.members.map((member) => (
          <li key={member.id}>
            <button
              type="button"
              data-part={parts.option}
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
