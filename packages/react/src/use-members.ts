import type { ListMembersQuery } from '@seats/client';
import { useQuery } from '@tanstack/react-query';
import { useSeats } from './seats-context';
import { membersQueryOptions } from './seats-query-options';

/** One page of members, filtered by status, role, pool or whether they consume a licence. */
export function useMembers(query: ListMembersQuery = {}, options: { enabled?: boolean } = {}) {
  const { client, queryClient, scope } = useSeats();
  return useQuery(
    { ...membersQueryOptions(client, query, scope), enabled: options.enabled ?? true },
    queryClient,
  );
}
