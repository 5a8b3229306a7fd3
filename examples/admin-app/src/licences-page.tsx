import type { Change, SeatsClient } from '@seats/client';
import { cancellableQuantity, removalLeft } from '@seats/core';
import {
  AdjustAllowanceDialog,
  changesQueryOptions,
  SeatMeter,
  useSeats,
  useSeatsMessages,
  useSeatsSummary,
} from '@seats/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { day as date, moment as dateTime } from './dates';
import { describeFailure, useToast } from './feedback';

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 100);

/** The host's "Licences" page: a meter and an adjust dialog per licence type, pending changes and history. */
export function LicencesPage({ client }: { client: SeatsClient }) {
  const summary = useSeatsSummary();
  const data = summary.data?.access === 'full' ? summary.data : undefined;
  const { scope, format } = useSeats();
  const history = useQuery(changesQueryOptions(client, {}, scope));
  // The summary carries the newest few open changes and their count; the page lists them all.
  const hasMore = data !== undefined && data.pendingChangeCount > data.pendingChanges.length;
  const open = useQuery({
    ...changesQueryOptions(client, { status: 'open', limit: 200 }, scope),
    enabled: hasMore,
  });
  const queryClient = useQueryClient();
  const toast = useToast();
  const t = useSeatsMessages();
  const roleName = (role: string) => t.roleName({ role }, format);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['seats'] });

  // The meter shows its own loading, error and "not set up" states, and the short answer for a
  // role that may not see licences.
  if (data === undefined) return <SeatMeter />;
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
    <div className="app-stack">
      <dl className="app-facts">
        <div>
          <dt>Plan</dt>
          <dd>{account.plan}</dd>
        </div>
        {account.contract.kind === 'contracted' && (
          <div>
            <dt>Contract</dt>
            <dd>
              {date(account.contract.start)} – {date(account.contract.end)}
            </dd>
          </div>
        )}
        <div>
          <dt>Billing period ends</dt>
          <dd>{date(account.billingPeriod.end)}</dd>
        </div>
      </dl>
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

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">Scheduled removals and pending signatures</h2>
        {pendingChanges.length === 0 ? (
          <p className="app-empty">Nothing is scheduled or waiting for a signature.</p>
        ) : (
          <ul className="app-list" aria-label="Pending changes">
            {pendingChanges.map((change) => (
              <li key={change.id}>
                <span>{describePending(change, poolName(change.poolId))}</span>
                {change.status === 'scheduled' && data.usage.viewer.changeAllowance && (
                  <button
                    type="button"
                    onClick={async () => {
                      try {
                        await client.cancelChange(change.id);
                        toast(`${licences(restorable(change))} kept`);
                      } catch (failure) {
                        toast(describeFailure(failure), 'error');
                      }
                      await refresh();
                    }}
                  >
                    Restore {licences(restorable(change))}
                  </button>
                )}
                {change.status === 'pending-signature' && <a href="#/outbox">Sign in the outbox</a>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {history.data?.items.length === 0 ? (
          <p className="app-empty">No changes yet.</p>
        ) : (
          <div className="app-table-wrap">
            <table className="app-table app-cards">
              <caption>Changes, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="app-amount">
                    Charged
                  </th>
                  <th scope="col">
                    <span className="app-visually-hidden">Contract</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.data?.items.map((change) => (
                  <tr key={change.id}>
                    <td className="app-muted" data-label="When">
                      {dateTime(change.createdAt)}
                    </td>
                    <td data-label="Who">{actorName(change, roleName)}</td>
                    <td data-label="What">{describe(change, poolName(change.poolId))}</td>
                    <td data-label="Status">{statusText(change)}</td>
                    <td className="app-amount" data-label="Charged">
                      {change.charged === null
                        ? '—'
                        : money(change.charged.amount, change.charged.currency)}
                    </td>
                    <td>
                      {change.signedAt !== null && (
                        <button
                          type="button"
                          onClick={() => downloadSignedContract(client, change.id)}
                        >
                          Download signed contract
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

const licences = (count: number) => `${count} ${count === 1 ? 'licence' : 'licences'}`;

/** What a change asked for, as it was asked: a row of the history is never rewritten. */
function describe(change: Change, pool: string): string {
  const { plan } = change;
  if (plan.kind === 'decrease')
    return `${pool}: remove ${licences(plan.removed)} on ${date(plan.effectiveAt)} (${plan.from} → ${plan.to})`;
  if (plan.kind === 'restore')
    return `${pool}: keep ${licences(plan.restored)} (${plan.from} → ${plan.to})`;
  return `${pool}: add ${licences(plan.added)} (${plan.from} → ${plan.to})`;
}

/** A pending change as it stands now: a removal partly kept by a purchase says what is left. */
function describePending(change: Change, pool: string): string {
  if (change.plan.kind !== 'decrease' || change.restored === 0) return describe(change, pool);
  return `${pool}: remove ${removalLeft(change)} of the ${licences(change.plan.removed)} scheduled for ${date(change.plan.effectiveAt)} (${change.restored} kept by a purchase)`;
}

/** Who acted, by name as they were called then; the admin API's actor names itself. */
function actorName(change: Change, roleName: (role: string) => string): string {
  const role = roleName(change.actor.role);
  return change.actor.name === null ? role : `${change.actor.name} (${role})`;
}

const statusWords: Record<Change['status'], string> = {
  applied: 'Done',
  scheduled: 'Scheduled',
  'pending-signature': 'Waiting for signature',
  cancelled: 'Cancelled',
  charging: 'Charging',
  failed: 'Payment failed',
};

/** Where the change stands, with what later purchases kept of a removal. */
function statusText(change: Change): string {
  const status = statusWords[change.status];
  if (change.restored === 0) return status;
  if (change.status === 'cancelled' && change.restored >= change.plan.removed)
    return 'Cancelled: kept by a purchase';
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
