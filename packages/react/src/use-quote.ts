import type { QuoteRequest } from '@seats/client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSeats } from './seats-context';
import { quoteQueryOptions } from './seats-query-options';
import { useSeatsSummary } from './use-seats-summary';

export interface UseQuoteOptions {
  /**
   * How long the request must stay unchanged before it is quoted.
   * @default 300
   */
  debounceMs?: number;
  /**
   * `false` asks for no quote, keeping the last answer for the same request and version: for
   * example while a quote is being committed and after, until the admin changes the number.
   * @default true
   */
  enabled?: boolean;
}

function sameRequest(a: QuoteRequest | null, b: QuoteRequest | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The server's quote for a proposed change, debounced while the admin types. Each request and
 * summary version has its own cache entry, so an answer to an older request is never shown for a
 * newer one, and a superseded request is aborted.
 */
export function useQuote(
  request: QuoteRequest | null,
  { debounceMs = 300, enabled = true }: UseQuoteOptions = {},
) {
  const { client, queryClient, scope } = useSeats();
  const summary = useSeatsSummary();
  const [debounced, setDebounced] = useState(request);
  useEffect(() => {
    if (sameRequest(request, debounced)) return;
    if (request === null) {
      setDebounced(null);
      return;
    }
    const timer = setTimeout(() => setDebounced(request), debounceMs);
    return () => clearTimeout(timer);
  }, [request, debounced, debounceMs]);
  const settled = sameRequest(request, debounced);
  const options = quoteQueryOptions(
    client,
    debounced,
    summary.data?.access === 'full' ? summary.data.version : undefined,
    scope,
  );
  // Only the settled request is asked for: the previous one, disabled until now, may be stale.
  const query = useQuery(
    { ...options, enabled: enabled && settled && options.enabled },
    queryClient,
  );
  return { ...query, isDebouncing: !settled, request: debounced };
}
