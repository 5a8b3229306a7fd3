import type {
  CreateMemberRequest,
  MemberRecord,
  SeatsClient,
  UpdateMemberRequest,
} from '@seats/client';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { seatsKeys } from './seats-query-options';

/** What a member change is sent with: the client, the query client to refresh, the provider's scope. */
export interface SeatsMutationContext {
  client: SeatsClient;
  queryClient: QueryClient;
  scope?: string;
}

// A member write moves the usage: every cached read of the account (summary, lists) refetches.
const refresh =
  ({ queryClient, scope }: SeatsMutationContext) =>
  () =>
    queryClient.invalidateQueries({ queryKey: seatsKeys.all(scope) });

/** Adds a member; the summary and member lists refetch once it is written. */
export function createMemberMutationOptions(context: SeatsMutationContext) {
  return mutationOptions<MemberRecord, Error, CreateMemberRequest>({
    mutationKey: [...seatsKeys.all(context.scope), 'create-member'],
    mutationFn: (member) => context.client.createMember(member),
    onSuccess: refresh(context),
  });
}

/** The member to change and the fields to change. */
export interface UpdateMemberVariables {
  id: string;
  changes: UpdateMemberRequest;
}

/** Changes a member's fields, status, role or licence type; the summary and lists refetch. */
export function updateMemberMutationOptions(context: SeatsMutationContext) {
  return mutationOptions<MemberRecord, Error, UpdateMemberVariables>({
    mutationKey: [...seatsKeys.all(context.scope), 'update-member'],
    mutationFn: ({ id, changes }) => context.client.updateMember(id, changes),
    onSuccess: refresh(context),
  });
}

/** Deletes a member by id, releasing its licence; the summary and lists refetch. */
export function deleteMemberMutationOptions(context: SeatsMutationContext) {
  return mutationOptions<void, Error, string>({
    mutationKey: [...seatsKeys.all(context.scope), 'delete-member'],
    mutationFn: (id) => context.client.deleteMember(id),
    onSuccess: refresh(context),
  });
}
