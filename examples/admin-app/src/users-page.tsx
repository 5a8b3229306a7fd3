import type { MemberRecord, SeatsClient } from '@seats/client';
import { AddUserGuard, SeatMeter, useMembers, useSeatsSummary } from '@seats/react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

/** The host's own "Users" page: its table and forms, with the kit guarding every licence change. */
export function UsersPage({ client }: { client: SeatsClient }) {
  const summary = useSeatsSummary();
  const members = useMembers({ limit: 100 });
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['seats'] });
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    let done = false;
    try {
      await work();
      done = true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
    await refresh();
    return done;
  };

  if (summary.data === undefined)
    return <p>{summary.error ? summary.error.message : 'Loading…'}</p>;
  // This page edits members with the policy's statuses and roles, which a limited summary leaves out.
  if (summary.data.access === 'limited') return <SeatMeter variant="compact" />;
  const { policy, pools } = summary.data;

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <SeatMeter variant="compact" />
      {error !== null && (
        <p role="alert" className="app-error">
          {error}
        </p>
      )}
      <NewUserForm
        statuses={[...policy.statuses]}
        roles={[...policy.roles]}
        pools={pools.map((pool) => ({ id: pool.id, name: pool.name }))}
        onCreate={(fields) => run(() => client.createMember(fields))}
      />
      <table className="app-table">
        <caption>Members</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Role</th>
            <th scope="col">Licence type</th>
            <th scope="col">Counts</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {members.data?.items.map((member) => (
            <MemberRow
              key={member.id}
              member={member}
              statuses={[...policy.statuses]}
              roles={[...policy.roles]}
              pools={pools.map((pool) => ({ id: pool.id, name: pool.name }))}
              onSave={(patch) => run(() => client.updateMember(member.id, patch))}
              onDelete={() => run(() => client.deleteMember(member.id))}
            />
          ))}
        </tbody>
      </table>
      {members.data?.nextCursor && <p>Showing the first 100 members.</p>}
    </section>
  );
}

interface Choice {
  id: string;
  name: string;
}

interface MemberFields {
  name: string;
  email: string;
  status: string;
  role: string;
  poolId: string | null;
}

function NewUserForm({
  statuses,
  roles,
  pools,
  onCreate,
}: {
  statuses: string[];
  roles: string[];
  pools: Choice[];
  /** Resolves to whether the user was created; a refused one keeps the form filled in. */
  onCreate: (fields: MemberFields) => Promise<boolean>;
}) {
  const [fields, setFields] = useState<MemberFields>({
    name: '',
    email: '',
    status: statuses[0] ?? '',
    role: roles[roles.length - 1] ?? '',
    poolId: pools[0]?.id ?? null,
  });
  const [asked, setAsked] = useState<string | null>(null);
  const set = (patch: Partial<MemberFields>) => setFields((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => event.preventDefault();

  return (
    <form className="app-form" aria-label="New user" onSubmit={submit}>
      <label>
        Name{' '}
        <input
          required
          value={fields.name}
          onChange={(event) => set({ name: event.target.value })}
        />
      </label>
      <label>
        Email{' '}
        <input
          required
          type="email"
          value={fields.email}
          onChange={(event) => set({ email: event.target.value })}
        />
      </label>
      <label>
        Status{' '}
        <select value={fields.status} onChange={(event) => set({ status: event.target.value })}>
          {statuses.map((status) => (
            <option key={status}>{status}</option>
          ))}
        </select>
      </label>
      <label>
        Role{' '}
        <select value={fields.role} onChange={(event) => set({ role: event.target.value })}>
          {roles.map((role) => (
            <option key={role}>{role}</option>
          ))}
        </select>
      </label>
      <label>
        Licence type{' '}
        <select
          value={fields.poolId ?? ''}
          onChange={(event) => set({ poolId: event.target.value || null })}
        >
          {pools.map((pool) => (
            <option key={pool.id} value={pool.id}>
              {pool.name}
            </option>
          ))}
        </select>
      </label>
      <AddUserGuard
        asChild
        member={{ status: fields.status, role: fields.role, poolId: fields.poolId }}
        paymentMethodHref="#/billing"
        onAskAdmin={(admins) => setAsked(`Request sent to: ${admins.join(', ')}`)}
        onProceed={async (outcome) => {
          // The member to create, with the status or role a remedy chose.
          const { status, role } = outcome.member;
          if (await onCreate({ ...fields, status, role })) set({ name: '', email: '' });
        }}
      >
        <button type="submit" disabled={fields.name === '' || fields.email === ''}>
          Add user
        </button>
      </AddUserGuard>
      {asked !== null && <p role="status">{asked}</p>}
    </form>
  );
}

function MemberRow({
  member,
  statuses,
  roles,
  pools,
  onSave,
  onDelete,
}: {
  member: MemberRecord;
  statuses: string[];
  roles: string[];
  pools: Choice[];
  onSave: (patch: { status: string; role: string; poolId: string | null }) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
}) {
  const [draft, setDraft] = useState({
    status: member.status,
    role: member.role,
    poolId: member.poolId,
  });
  const changed =
    draft.status !== member.status || draft.role !== member.role || draft.poolId !== member.poolId;
  const label = (what: string) => `${what} of ${member.name}`;

  return (
    <tr data-member={member.email}>
      <td>{member.name}</td>
      <td>{member.email}</td>
      <td>
        <select
          aria-label={label('Status')}
          value={draft.status}
          onChange={(event) => setDraft({ ...draft, status: event.target.value })}
        >
          {statuses.map((status) => (
            <option key={status}>{status}</option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={label('Role')}
          value={draft.role}
          onChange={(event) => setDraft({ ...draft, role: event.target.value })}
        >
          {roles.map((role) => (
            <option key={role}>{role}</option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={label('Licence type')}
          value={draft.poolId ?? ''}
          onChange={(event) => setDraft({ ...draft, poolId: event.target.value || null })}
        >
          <option value="">None</option>
          {pools.map((pool) => (
            <option key={pool.id} value={pool.id}>
              {pool.name}
            </option>
          ))}
        </select>
      </td>
      <td>{member.consumes ? 'Yes' : 'No'}</td>
      <td className="app-actions">
        <AddUserGuard
          asChild
          before={{ status: member.status, role: member.role, poolId: member.poolId }}
          member={draft}
          onProceed={async (outcome) => {
            await onSave({ ...draft, status: outcome.member.status, role: outcome.member.role });
          }}
        >
          <button type="button" disabled={!changed} aria-label={label('Save changes')}>
            Save
          </button>
        </AddUserGuard>
        <button type="button" aria-label={label('Delete')} onClick={() => onDelete()}>
          Delete
        </button>
      </td>
    </tr>
  );
}
