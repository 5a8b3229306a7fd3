import type { MemberRecord, SeatsClient } from '@seats/client';
import { isFreeLicenceCandidate } from '@seats/core';
import {
  AddUserGuard,
  SeatMeter,
  useMembers,
  useSeats,
  useSeatsMessages,
  useSeatsSummary,
} from '@seats/react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeFailure, useToast } from './feedback';

/** The host's own "Users" page: its table and forms, with the kit guarding every licence change. */
export function UsersPage({ client }: { client: SeatsClient }) {
  const summary = useSeatsSummary();
  const full = summary.data?.access === 'full' ? summary.data : undefined;
  const members = useMembers({ limit: 100 }, { enabled: full !== undefined });
  const queryClient = useQueryClient();
  const toast = useToast();
  const t = useSeatsMessages();
  const { format } = useSeats();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['seats'] });
  const run = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    let succeeded = false;
    try {
      await work();
      succeeded = true;
      toast(done);
    } catch (failure) {
      toast(describeFailure(failure), 'error');
    }
    await refresh();
    return succeeded;
  };

  // The meter shows its own loading, error and "not set up" states; a role that may not see
  // licences gets the meter's short answer and nothing it cannot use.
  if (full === undefined) return <SeatMeter variant="compact" />;
  const { policy, pools } = full;
  const choices = {
    statuses: policy.statuses.map((status) => ({
      id: status,
      name: t.statusName({ status }, format),
    })),
    roles: policy.roles.map((role) => ({ id: role, name: t.roleName({ role }, format) })),
    pools: pools.map((pool) => ({ id: pool.id, name: pool.name })),
    addOns: pools
      .filter((pool) => pool.term === 'add-on')
      .map((pool) => ({ id: pool.id, name: pool.name })),
  };
  const manage = full.usage.viewer.manageMembers;

  return (
    <div className="app-stack">
      <SeatMeter variant="compact" />
      {manage && (
        <section className="app-card" aria-labelledby="new-user-title">
          <h2 id="new-user-title">Add a user</h2>
          <NewUserForm
            choices={choices}
            onCreate={(fields) => run(() => client.createMember(fields), `${fields.name} added`)}
          />
        </section>
      )}
      <div className="app-table-wrap">
        <table className="app-table app-members app-cards">
          <caption>Members</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Role</th>
              <th scope="col">
                {choices.addOns.length > 0 ? 'Licence type and add-ons' : 'Licence type'}
              </th>
              {manage && (
                <th scope="col">
                  <span className="app-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.data?.items.map((member) => (
              <MemberRow
                key={member.id}
                member={member}
                choices={choices}
                manage={manage}
                deletable={isFreeLicenceCandidate(policy, full.viewer.memberId, member)}
                onSave={(patch) =>
                  run(() => client.updateMember(member.id, patch), `${member.name} saved`)
                }
                onDelete={() => run(() => client.deleteMember(member.id), `${member.name} deleted`)}
              />
            ))}
          </tbody>
        </table>
        {members.isPending && <p className="app-empty">Loading members…</p>}
        {members.isError && (
          <p className="app-empty" role="alert">
            {describeFailure(members.error)}{' '}
            <button type="button" onClick={() => members.refetch()}>
              Try again
            </button>
          </p>
        )}
        {members.data?.items.length === 0 && <p className="app-empty">No members yet.</p>}
      </div>
      {members.data?.nextCursor && <p className="app-muted">Showing the first 100 members.</p>}
    </div>
  );
}

interface Choice {
  id: string;
  name: string;
}

interface Choices {
  statuses: Choice[];
  roles: Choice[];
  pools: Choice[];
  /** The pools a member may hold beside its licence type (`term: 'add-on'`). */
  addOns: Choice[];
}

interface MemberFields {
  name: string;
  email: string;
  status: string;
  role: string;
  poolId: string | null;
  addOnIds: string[];
}

/** A checkbox per add-on; an add-on needs a licence type to add on to. */
function AddOnChoices({
  label,
  value,
  choices,
  disabled,
  onChange,
}: {
  label: (name: string) => string;
  value: string[];
  choices: Choice[];
  disabled: boolean;
  onChange: (value: string[]) => void;
}) {
  return (
    <div className="app-add-ons">
      {choices.map((choice) => (
        <label key={choice.id}>
          <input
            type="checkbox"
            aria-label={label(choice.name)}
            checked={value.includes(choice.id)}
            disabled={disabled}
            title={disabled ? 'Choose a licence type first' : undefined}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...value, choice.id]
                  : value.filter((id) => id !== choice.id),
              )
            }
          />{' '}
          {choice.name}
        </label>
      ))}
    </div>
  );
}

function Select({
  label,
  value,
  choices,
  none,
  onChange,
}: {
  label: string;
  value: string | null;
  choices: Choice[];
  /** The label of "no choice", when one is allowed. */
  none?: string;
  onChange: (value: string) => void;
}) {
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value)}
    >
      {none !== undefined && <option value="">{none}</option>}
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.name}
        </option>
      ))}
    </select>
  );
}

function NewUserForm({
  choices,
  onCreate,
}: {
  choices: Choices;
  /** Resolves to whether the user was created; a refused one keeps the form filled in. */
  onCreate: (fields: MemberFields) => Promise<boolean>;
}) {
  const [fields, setFields] = useState<MemberFields>({
    name: '',
    email: '',
    status: choices.statuses[0]?.id ?? '',
    role: choices.roles[choices.roles.length - 1]?.id ?? '',
    poolId: choices.pools[0]?.id ?? null,
    addOnIds: [],
  });
  const [asked, setAsked] = useState<string | null>(null);
  const set = (patch: Partial<MemberFields>) => setFields((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => event.preventDefault();

  return (
    <form className="app-form" aria-label="New user" onSubmit={submit}>
      <label>
        Name
        <input
          required
          autoComplete="off"
          value={fields.name}
          onChange={(event) => set({ name: event.target.value })}
        />
      </label>
      <label>
        Email
        <input
          required
          type="email"
          autoComplete="off"
          value={fields.email}
          onChange={(event) => set({ email: event.target.value })}
        />
      </label>
      <div className="app-field">
        <span aria-hidden="true">Status</span>
        <Select
          label="Status"
          value={fields.status}
          choices={choices.statuses}
          onChange={(status) => set({ status })}
        />
      </div>
      <div className="app-field">
        <span aria-hidden="true">Role</span>
        <Select
          label="Role"
          value={fields.role}
          choices={choices.roles}
          onChange={(role) => set({ role })}
        />
      </div>
      <div className="app-field">
        <span aria-hidden="true">Licence type</span>
        <Select
          label="Licence type"
          value={fields.poolId}
          choices={choices.pools}
          onChange={(poolId) =>
            set({ poolId: poolId || null, ...(poolId ? {} : { addOnIds: [] }) })
          }
        />
      </div>
      {choices.addOns.length > 0 && (
        <div className="app-field">
          <span>Add-ons</span>
          <AddOnChoices
            label={(name) => name}
            value={fields.addOnIds}
            choices={choices.addOns}
            disabled={fields.poolId === null}
            onChange={(addOnIds) => set({ addOnIds })}
          />
        </div>
      )}
      <AddUserGuard
        asChild
        member={{
          status: fields.status,
          role: fields.role,
          poolId: fields.poolId,
          addOnIds: fields.addOnIds,
        }}
        paymentMethodHref="#/billing"
        onAskAdmin={(admins) => setAsked(`Request sent to ${admins.join(', ')}`)}
        onProceed={async (outcome) => {
          // The member to create, with the status or role a remedy chose.
          const { status, role } = outcome.member;
          if (await onCreate({ ...fields, status, role })) set({ name: '', email: '' });
        }}
      >
        <button
          type="submit"
          className="app-primary"
          disabled={fields.name === '' || fields.email === ''}
        >
          Add user
        </button>
      </AddUserGuard>
      {asked !== null && <p role="status">{asked}</p>}
    </form>
  );
}

function MemberRow({
  member,
  choices,
  manage,
  deletable,
  onSave,
  onDelete,
}: {
  member: MemberRecord;
  choices: Choices;
  /** Whether the viewer may change members; others see the row read-only. */
  manage: boolean;
  /** Never the viewer, nor someone who may buy licences (core's `isFreeLicenceCandidate`). */
  deletable: boolean;
  onSave: (patch: {
    status: string;
    role: string;
    poolId: string | null;
    addOnIds: string[];
  }) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
}) {
  const t = useSeatsMessages();
  const { format } = useSeats();
  const [draft, setDraft] = useState({
    status: member.status,
    role: member.role,
    poolId: member.poolId,
    addOnIds: member.addOnIds,
  });
  const [confirming, setConfirming] = useState(false);
  const changed =
    draft.status !== member.status ||
    draft.role !== member.role ||
    draft.poolId !== member.poolId ||
    [...draft.addOnIds].sort().join() !== [...member.addOnIds].sort().join();
  const label = (what: string) => `${what} of ${member.name}`;
  const named = (list: Choice[], id: string | null) =>
    list.find((choice) => choice.id === id)?.name ?? '—';

  return (
    <tr data-member={member.email}>
      <td>
        <strong>{member.name}</strong>
        <span className="app-muted">{member.email}</span>
        <span
          className="app-badge"
          data-tone={member.consumes ? 'ok' : undefined}
          data-consumes={member.consumes}
        >
          {t.consumptionReason({ reason: member.reason }, format)}
        </span>
      </td>
      <td data-label="Status">
        {manage ? (
          <Select
            label={label('Status')}
            value={draft.status}
            choices={choices.statuses}
            onChange={(status) => setDraft({ ...draft, status })}
          />
        ) : (
          named(choices.statuses, member.status)
        )}
      </td>
      <td data-label="Role">
        {manage ? (
          <Select
            label={label('Role')}
            value={draft.role}
            choices={choices.roles}
            onChange={(role) => setDraft({ ...draft, role })}
          />
        ) : (
          named(choices.roles, member.role)
        )}
      </td>
      <td data-label={choices.addOns.length > 0 ? 'Licence type and add-ons' : 'Licence type'}>
        {manage ? (
          <Select
            label={label('Licence type')}
            value={draft.poolId}
            choices={choices.pools}
            none="None"
            onChange={(poolId) =>
              setDraft({ ...draft, poolId: poolId || null, ...(poolId ? {} : { addOnIds: [] }) })
            }
          />
        ) : (
          named(choices.pools, member.poolId)
        )}
        {/* The add-ons go with the licence type they add on to, under it. */}
        {choices.addOns.length > 0 &&
          (manage ? (
            <AddOnChoices
              label={(name) => label(name)}
              value={draft.addOnIds}
              choices={choices.addOns}
              disabled={draft.poolId === null}
              onChange={(addOnIds) => setDraft({ ...draft, addOnIds })}
            />
          ) : (
            <span className="app-add-ons">
              {choices.addOns
                .filter((addOn) => member.addOnIds.includes(addOn.id))
                .map((addOn) => addOn.name)
                .join(', ')}
            </span>
          ))}
      </td>
      {manage && (
        <td>
          {confirming ? (
            <div className="app-confirm">
              <span>
                Delete {member.name} ({member.email}, {named(choices.roles, member.role)})?
              </span>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
              <button
                type="button"
                className="app-danger-solid"
                aria-label={`Confirm delete of ${member.name}`}
                onClick={async () => {
                  if (!(await onDelete())) setConfirming(false);
                }}
              >
                Delete
              </button>
            </div>
          ) : (
            <div className="app-actions">
              <AddUserGuard
                asChild
                before={{
                  status: member.status,
                  role: member.role,
                  poolId: member.poolId,
                  addOnIds: member.addOnIds,
                }}
                member={draft}
                onProceed={async (outcome) => {
                  await onSave({
                    ...draft,
                    status: outcome.member.status,
                    role: outcome.member.role,
                  });
                }}
              >
                <button type="button" disabled={!changed} aria-label={label('Save changes')}>
                  Save
                </button>
              </AddUserGuard>
              {deletable && (
                <button
                  type="button"
                  className="app-danger"
                  aria-label={label('Delete')}
                  onClick={() => setConfirming(true)}
                >
                  Delete
                </button>
              )}
            </div>
          )}
        </td>
      )}
    </tr>
  );
}
