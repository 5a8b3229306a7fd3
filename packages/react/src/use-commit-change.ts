import type { Change, ChangeRequest, PreparedCommit } from '@seats/client';
import { isSeatsApiError } from '@seats/client';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { useSeats } from './seats-context';
import { seatsKeys } from './seats-query-options';

/**
 * Commits a quote. One logical submit keeps one `Idempotency-Key` across its retries (after a
 * network error or a 5xx), so the server applies and charges it once; a second call while one is
 * in flight returns the same promise, so a double click submits once.
 */
export function useCommitChange() {
  const { client, queryClient, scope } = useSeats();
  const prepared = useRef<{ fingerprint: string; commit: PreparedCommit } | null>(null);
  const inFlight = useRef<Promise<Change> | null>(null);
  const mutation = useMutation(
    {
      mutationFn: (request: ChangeRequest) => {
        const fingerprint = JSON.stringify(request);
        if (prepared.current?.fingerprint !== fingerprint) {
          prepared.current = { fingerprint, commit: client.prepareCommit(request) };
        }
        return prepared.current.commit.send();
      },
      onSuccess: () => {
        prepared.current = null;
        return queryClient.invalidateQueries({ queryKey: seatsKeys.all(scope) });
      },
      onError: (error) => {
        // A refusal (4xx) is final for this key: a new attempt after fixing it is a new submit.
        if (isSeatsApiError(error) && error.status < 500) prepared.current = null;
      },
    },
    queryClient,
  );
  const { mutateAsync } = mutation;
  const submit = useCallback(
    (request: ChangeRequest): Promise<Change> => {
      if (inFlight.current !== null) return inFlight.current;
      const promise = mutateAsync(request).finally(() => {
        inFlight.current = null;
      });
      inFlight.current = promise;
      return promise;
    },
    [mutateAsync],
  );
  return { ...mutation, submit, idempotencyKey: prepared.current?.commit.key ?? null };
}
