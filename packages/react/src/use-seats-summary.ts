import { useQuery } from '@tanstack/react-query';
import { useSeats } from './seats-context';
import { summaryQueryOptions } from './seats-query-options';

/** The account's seat summary; every widget on the page shares this one request. */
export function useSeatsSummary() {
  const { client, queryClient, scope } = useSeats();
  return useQuery(summaryQueryOptions(client, scope), queryClient);
}
