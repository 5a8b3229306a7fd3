import { useMutation } from '@tanstack/react-query';
import { useSeats } from './seats-context';
import {
  createMemberMutationOptions,
  deleteMemberMutationOptions,
  updateMemberMutationOptions,
} from './seats-mutation-options';

/** Adds a member (`mutate({ name, email, status, role, poolId })`); the summary refetches after. */
export function useCreateMember() {
  const seats = useSeats();
  return useMutation(createMemberMutationOptions(seats), seats.queryClient);
}

/** Changes a member (`mutate({ id, changes })`); the summary refetches after. */
export function useUpdateMember() {
  const seats = useSeats();
  return useMutation(updateMemberMutationOptions(seats), seats.queryClient);
}

/** Deletes a member (`mutate(id)`); the summary refetches after. */
export function useDeleteMember() {
  const seats = useSeats();
  return useMutation(deleteMemberMutationOptions(seats), seats.queryClient);
}
