import type { Change, ChangeRequest, PreparedCommit } from '@seats/client';
import { isSeatsApiError } from '@seats/client';
import { useCallback, useRef } from 'react';
import { useSeats } from './seats-context';
import { seatsKeys } from './seats-query-options';

/**
 * Sends commits: one logical submit keeps one `Idempotency-Key` across its retries (after a
 * network error or a 5xx), so the server applies and charges it once. A commit resolves once the
 * account's cached reads are refreshed.
 */
export function useCommitSender() {
  const { client, queryClient, scope } = useSeats();
  const prepared = useRef<{ fingerprint: string; commit: PreparedCommit } | null>(null);
  const send = async (request: ChangeRequest): Promise<Change> => {
    const fingerprint = JSON.stringify(request);
    if (prepared.current?.fingerprint !== fingerprint) {
      prepared.current = { fingerprint, commit: client.prepareCommit(request) };
    }
    let change: Change;
    try {
      change = await prepared.current.commit.send();
    } catch (error) {
      // A refusal (4xx) is final for this key: a new attempt after fixing it is a new submit.
      if (isSeatsApiError(error) && error.status < 500) prepared.current = null;
      throw error;
    }
    prepared.current = null;
    await queryClient.invalidateQueries({ queryKey: seatsKeys.all(scope) });
    return change;
  };
  return { send, idempotencyKey: prepared.current?.commit.key ?? null };
}

/** `submit`, except that a call while one is in flight returns its promise: a double click submits once. */
export function useSingleFlight<T>(
  submit: (request: ChangeRequest) => Promise<T>,
): (request: ChangeRequest) => Promise<T> {
  const inFlight = useRef<Promise<T> | null>(null);
  return useCallback(
    (request) => {
      if (inFlight.current !== null) return inFlight.current;
      const promise = submit(request).finally(() => {
        inFlight.current = null;
      });
      inFlight.current = promise;
      return promise;
    },
    [submit],
  );
}
