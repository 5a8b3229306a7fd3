import type { ListChangesQuery, ListMembersQuery, QuoteRequest, SeatsClient } from '@seats/client';
import { isSeatsApiError } from '@seats/client';
import { queryOptions } from '@tanstack/react-query';

/** The query keys of the kit; invalidate `seatsKeys.all(scope)` to refetch everything. */
export const seatsKeys = {
  all: (scope = 'default') => ['seats', scope] as const,
  summary: (scope = 'default') => ['seats', scope, 'summary'] as const,
  members: (query: ListMembersQuery = {}, scope = 'default') =>
    ['seats', scope, 'members', query] as const,
  changes: (query: ListChangesQuery = {}, scope = 'default') =>
    ['seats', scope, 'changes', query] as const,
  quote: (request: QuoteRequest | null, version: number | undefined, scope = 'default') =>
    ['seats', scope, 'quote', version ?? null, request] as const,
};

// Refused requests (4xx) are answers, not outages: retrying them only delays the message.
function retryTransient(failureCount: number, error: Error): boolean {
  if (isSeatsApiError(error) && error.status < 500) return false;
  return failureCount < 2;
}

/** The account's seat summary: for `useQuery`, `prefetchQuery` and route loaders. */
export function summaryQueryOptions(client: SeatsClient, scope?: string) {
  return queryOptions({
    queryKey: seatsKeys.summary(scope),
    queryFn: ({ signal }) => client.getSummary({ signal }),
    staleTime: 30_000,
    retry: retryTransient,
  });
}

/** One page of members, filtered. */
export function membersQueryOptions(
  client: SeatsClient,
  query: ListMembersQuery = {},
  scope?: string,
) {
  return queryOptions({
    queryKey: seatsKeys.members(query, scope),
    queryFn: ({ signal }) => client.listMembers(query, { signal }),
    staleTime: 30_000,
    retry: retryTransient,
  });
}

/** The change history, newest first. */
export function changesQueryOptions(
  client: SeatsClient,
  query: ListChangesQuery = {},
  scope?: string,
) {
  return queryOptions({
    queryKey: seatsKeys.changes(query, scope),
    queryFn: ({ signal }) => client.listChanges(query, { signal }),
    staleTime: 30_000,
    retry: retryTransient,
  });
}

/**
 * A priced plan for a proposed change, bound to the summary `version`: a new version is a new
 * quote. Superseded requests are aborted through the query's signal.
 */
export function quoteQueryOptions(
  client: SeatsClient,
  request: QuoteRequest | null,
  version: number | undefined,
  scope?: string,
) {
  return queryOptions({
    queryKey: seatsKeys.quote(request, version, scope),
    queryFn: ({ signal }) => {
      if (request === null) throw new Error('quoteQueryOptions needs a request');
      return client.createQuote(request, { signal });
    },
    enabled: request !== null && version !== undefined,
    staleTime: 60_000,
    gcTime: 60_000,
    retry: false,
  });
}
