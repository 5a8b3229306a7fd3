'use client';

import { createSeatsClient, type SeatsClient } from '@seats/client';
import {
  AddUserGuard,
  type AddUserOutcome,
  AdjustAllowanceDialog,
  defaultNewMember,
  SeatMeter,
  SeatsProvider,
  seatsKeys,
  useSeatsSummary,
} from '@seats/react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';

/** The kit's three widgets for one demo account, talking to the route handler. */
export function SeatsPanel({ accountId, role }: { accountId: string; role: string }) {
  const client = useMemo(
    () =>
      createSeatsClient({
        baseUrl: '/api/seats',
        headers: { 'x-seats-account': accountId, 'x-seats-role': role },
      }),
    [accountId, role],
  );
  return (
    // The same scope as the server's prefetch, so the meter starts from the hydrated summary.
    <SeatsProvider client={client} scope={accountId}>
      <SeatMeter />
      <Actions client={client} scope={accountId} />
    </SeatsProvider>
  );
}

function Actions({ client, scope }: { client: SeatsClient; scope: string }) {
  const summary = useSeatsSummary();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  if (summary.data === undefined) return null;
  const member = defaultNewMember(summary.data);

  const addUser = async (outcome: AddUserOutcome) => {
    try {
      const created = await client.createMember({
        ...outcome.member,
        name: 'New user',
        email: `new.user.${Date.now()}@example.com`,
      });
      setMessage(`Added ${created.name} (${created.status}, ${created.role}).`);
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : String(failure));
    }
    await queryClient.invalidateQueries({ queryKey: seatsKeys.all(scope) });
  };

  return (
    <>
      <p>
        <AdjustAllowanceDialog />{' '}
        <AddUserGuard asChild member={member} onProceed={(outcome) => void addUser(outcome)}>
          <button type="button">Add user</button>
        </AddUserGuard>
      </p>
      {message !== null && <p role="status">{message}</p>}
    </>
  );
}
