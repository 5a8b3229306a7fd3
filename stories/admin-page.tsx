import {
  AddUserGuard,
  type AddUserOutcome,
  AdjustAllowanceDialog,
  SeatMeter,
  seatsKeys,
  useCreateMember,
  useMembers,
  useSeats,
  useSeatsSummary,
} from '@seats/react';
import { useState } from 'react';

export interface AdminPageProps {
  /** The heading, as the product names its licence page. */
  title: string;
}

/**
 * A host's licence page, as a product team would build it with the kit: the meter, an adjust
 * dialog per licence type, and its own "Add user" action guarded by `AddUserGuard`, which creates
 * the user through the API once the guard lets it proceed.
 */
export function AdminPage({ title }: AdminPageProps) {
  const { queryClient, scope } = useSeats();
  const summary = useSeatsSummary();
  const members = useMembers();
  const [added, setAdded] = useState(0);

  const refresh = () => queryClient.invalidateQueries({ queryKey: seatsKeys.all(scope) });
  const createMember = useCreateMember();
  const addUser = async (outcome: AddUserOutcome) => {
    const number = added + 1;
    // The member the guard allowed, with the status or role a remedy chose; the summary refetches.
    await createMember.mutateAsync({
      ...outcome.member,
      name: `New user ${number}`,
      email: `new.user.${number}@example.com`,
    });
    setAdded(number);
  };

  return (
    <main data-page="admin">
      <h1>{title}</h1>
      <SeatMeter />
      <ul aria-label="Licence actions" data-page-part="actions">
        {(summary.data?.access === 'full' ? summary.data.usage.pools : []).map((pool) => (
          <li key={pool.poolId} data-pool-actions={pool.poolId}>
            <AdjustAllowanceDialog poolId={pool.poolId} paymentMethodHref="#billing" />
          </li>
        ))}
      </ul>
      <p>
        <AddUserGuard onProceed={addUser}>Add user</AddUserGuard>{' '}
        <button type="button" data-page-part="refresh" onClick={() => void refresh()}>
          Reload
        </button>
      </p>
      <p role="status" data-page-part="members" data-count={members.data?.items.length}>
        {members.data === undefined ? '' : `${members.data.items.length} users`}
      </p>
    </main>
  );
}
