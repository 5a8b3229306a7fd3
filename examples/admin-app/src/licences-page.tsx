import type { Change, SeatsClient } from '@seats/client';
import { cancellableQuantity, removalLeft } from '@seats/core';
import {
  AdjustAllowanceDialog,
  changesQueryOptions,
  SeatMeter,
  useSeats,
  useSeatsSummary,
} from '@seats/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 100);
const date = (instant: string | null) =>
  instant === null ? '—' : new Date(instant).toLocaleDateString('en');

/** The host's "Licences" page: a meter and an adjust dialog per licence type, pending changes and history. */
export function LicencesPage({ client }: { client: SeatsClient }) {
  const summary = useSeatsSummary();
  const data = summary.data?.access === 'full' ? summary.data : undefined;
  const { scope } = useSeats();
  const history = useQuery(changesQueryOptions(client, {}, scope));
  // The summary carries the newest few open changes and their count; the page lists them all.
  const hasMore = data !== undefined && data.pendingChangeCount > data.pendingChanges.length;
  const open = useQuery({
    ...changesQueryOptions(client, { status: 'open', limit: 200 }, scope),
    enabled: hasMore,
  });
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['seats'] });

  if (summary.data?.access === 'limited') return <SeatMeter />;
  if (data === undefined) return <p>{summary.error ? summary.error.message : 'Loading…'}</p>;
  const { account, pools } = data;
  const pendingChanges = (hasMore ? open.data?.items : undefined) ?? data.pendingChanges;
  const poolName = (id: string) => pools.find((pool) => pool.id === id)?.name ?? id;
  // A removal partly restored through the dialog keeps its row; cancelling it restores what is left.
  const restorable = (change: Change) =>
    cancellableQuantity(
      change,
      pools.find((pool) => pool.id === change.poolId),
    );

  return (
    <section aria-labelledby="licences-title">
      <h1 id="licences-title">Licences</h1>
      <p className="app-plan">
        Plan <strong>{account.plan}</strong>
        {account.contract.kind === 'contracted' &&
          ` · contract ${date(account.contract.start)} – ${date(account.contract.end)}`}
        {` · billing period ends ${date(account.billingPeriod.end)}`}
      </p>
      {pools.length > 1 && <SeatMeter variant="detailed" />}
      <div className="app-pools">
        {pools.map((pool) => (
          <article key={pool.id} className="app-card" aria-label={pool.name}>
            <SeatMeter poolId={pool.id} variant="detailed" />
            <AdjustAllowanceDialog
              poolId={pool.id}
              paymentMethodHref="#/billing"
              onSuccess={refresh}
            />
          </article>
        ))}
      </div>

      <h2>Scheduled removals and pending signatures</h2>
      {pendingChanges.length === 0 ? (
        <p>Nothing is scheduled or waiting for a signature.</p>
      ) : (
        <ul className="app-list" aria-label="Pending changes">
          {pendingChanges.map((change) => (
            <li key={change.id}>
              {describePending(change, poolName(change.poolId))}
              {change.status === 'scheduled' && (
                <button
                  type="button"
                  onClick={async () => {
                    await client.cancelChange(change.id);
                    await refresh();
                  }}
                >
                  Restore {restorable(change)}
                </button>
              )}
              {change.status === 'pending-signature' && <a href="#/outbox">Sign in the outbox</a>}
            </li>
          ))}
        </ul>
      )}

      <h2>History</h2>
      <table className="app-table">
        <caption>Changes, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Status</th>
            <th scope="col">Charged</th>
            <th scope="col">Contract</th>
          </tr>
        </thead>
        <tbody>
          {history.data?.items.map((change) => (
            <tr key={change.id}>
              <td>{new Date(change.createdAt).toLocaleString('en')}</td>
              <td>{actorName(change)}</td>
              <td>{describe(change, poolName(change.poolId))}</td>
              <td>{statusText(change)}</td>
              <td>
                {change.charged === null
                  ? '—'
                  : money(change.charged.amount, change.charged.currency)}
              </td>
              <td>
                {change.signedAt !== null && (
                  <button type="button" onClick={() => downloadSignedContract(client, change.id)}>
                    Download signed contract
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function describe(change: Change, pool: string): string {
  const { plan } = change;
  if (plan.kind === 'decrease')
    return `${pool}: remove ${plan.removed} (${plan.from} → ${plan.to}) on ${date(plan.effectiveAt)}`;
  if (plan.kind === 'restore')
    return `${pool}: restore ${plan.restored} (${plan.from} → ${plan.to})`;
  return `${pool}: add ${plan.added} (${plan.from} → ${plan.to})`;
}

/** A pending change as it stands now: a removal partly restored by a purchase says what is left. */
function describePending(change: Change, pool: string): string {
  if (change.plan.kind !== 'decrease' || change.restored === 0) return describe(change, pool);
  return `${pool}: remove ${removalLeft(change)} of the ${change.plan.removed} scheduled on ${date(change.plan.effectiveAt)} (${change.restored} kept by a purchase)`;
}

/** Who acted, by name as they were called then; the admin API's actor names itself. */
function actorName(change: Change): string {
  const role = change.actor.role.replaceAll('-', ' ');
  return change.actor.name === null ? role : `${change.actor.name} (${role})`;
}

/** Where the change stands, with what later purchases gave back of a removal. */
function statusText(change: Change): string {
  const status = change.status.replaceAll('-', ' ');
  if (change.restored === 0) return status;
  if (change.status === 'cancelled' && change.restored >= change.plan.removed)
    return 'cancelled: kept by a purchase';
  return `${status} · ${change.restored} of ${change.plan.removed} kept by a purchase`;
}

/** Saves the PDF of a signed purchase (Commusoft: "a PDF copy of your signed contracts"). */
async function downloadSignedContract(client: SeatsClient, changeId: string): Promise<void> {
  const pdf = await client.getSignedContract(changeId);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(pdf);
  link.download = `signed-contract-${changeId}.pdf`;
  link.click();
  URL.revokeObjectURL(link.href);
}
