import { useMutation } from '@tanstack/react-query';
import { useSeats } from './seats-context';
import { useCommitSender, useSingleFlight } from './use-commit-sender';

/**
 * Commits a quote. One logical submit keeps one `Idempotency-Key` across its retries (after a
 * network error or a 5xx), so the server applies and charges it once; a second call while one is
 * in flight returns the same promise, so a double click submits once.
 */
export function useCommitChange() {
  const { queryClient } = useSeats();
  const { send, idempotencyKey } = useCommitSender();
  const mutation = useMutation({ mutationFn: send }, queryClient);
  const submit = useSingleFlight(mutation.mutateAsync);
  return { ...mutation, submit, idempotencyKey };
}
