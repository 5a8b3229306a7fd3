import { useQuery } from '@tanstack/react-query';
import { useSeats } from './seats-context';
import { summaryQueryOptions } from './seats-query-options';

export interface UseSeatsSummaryOptions {
  /** `false` reads the cache only, asking the server nothing. @default true */
  enabled?: boolean | undefined;
}

/** The account's seat summary, fetched once and shared by every widget of the provider. */
export function useSeatsSummary({ enabled = true }: UseSeatsSummaryOptions = {}) {
  const { client, queryClient, scope } = useSeats();
  return useQuery({ ...summaryQueryOptions(client, scope), enabled }, queryClient);
}
