import { remainingFraction } from '@seats/core';
import { useQuery } from '@tanstack/react-query';
import { day } from './dates';
import { describeFailure } from './feedback';

interface Money {
  amount: number;
  currency: string;
}

interface BillingOverview {
  paymentMethod: { brand: string; last4: string; expires: string };
  development: boolean;
  now: string;
  nextInvoice: {
    on: string;
    period: { start: string; end: string } | null;
    lines: {
      poolId: string;
      poolName: string;
      quantity: number;
      per: 'period' | 'day' | 'term';
      amount: number;
    }[];
    total: Money;
  } | null;
  periodEnds: {
    period: { start: string; end: string };
    contractOutcome: 'renewed' | 'ended' | null;
    amount: Money;
    chargeStatus: string;
    chargeId: string | null;
    failureReason: string | null;
  }[];
  entries: {
    at: string;
    kind: 'charge' | 'credit';
    description: string;
    amount: Money;
    reference: string;
    lines: { kind: string; period: { from: string; until: string } | null }[];
  }[];
}

const money = ({ amount, currency }: Money) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 100);

const statusWords: Record<string, string> = {
  none: 'Nothing due',
  due: 'Due',
  charging: 'Charging',
  pending: 'Awaiting confirmation',
  charged: 'Paid',
  failed: 'Failed',
};

/** A period's recurring charge in dates of the page; a change's charge or credit as the kit wrote it. */
function describeEntry(entry: BillingOverview['entries'][number]): string {
  const period = entry.lines[0]?.kind === 'recurring-charge' ? entry.lines[0].period : null;
  return period === null
    ? entry.description
    : `Licences for ${day(period.from)} – ${day(period.until)}`;
}

/**
 * The host's "Billing" page over the development provider: the payment method on file, the next
 * invoice by licence type, the charges and credits taken, and each billing period's recurring
 * charge as the period-end job took it.
 */
export function BillingPage({ accountId }: { accountId: string }) {
  const billing = useQuery({
    queryKey: ['dev', 'billing', accountId],
    queryFn: async () => {
      const response = await fetch(`/api/dev/billing?account=${encodeURIComponent(accountId)}`);
      return (await response.json()) as BillingOverview;
    },
  });
  const data = billing.data;
  if (data === undefined)
    return billing.isError ? (
      <p className="app-notice" role="alert">
        {describeFailure(billing.error)}{' '}
        <button type="button" onClick={() => billing.refetch()}>
          Try again
        </button>
      </p>
    ) : (
      <p className="app-muted">Loading billing…</p>
    );
  const invoice = data.nextInvoice;

  return (
    <div className="app-stack">
      <section className="app-card" aria-labelledby="payment-method-title">
        <h2 id="payment-method-title">Payment method</h2>
        <p>
          {data.paymentMethod.brand} ending in {data.paymentMethod.last4}, expires{' '}
          {data.paymentMethod.expires}
          {data.development && (
            <span className="app-muted"> · development provider: no money moves</span>
          )}
        </p>
      </section>

      <h2>Next invoice</h2>
      {invoice === null ? (
        <p className="app-empty">No invoice is planned.</p>
      ) : (
        <div className="app-table-wrap">
          <table className="app-table">
            <caption>
              On {day(invoice.on)}
              {invoice.period !== null &&
                `, for ${day(invoice.period.start)} – ${day(invoice.period.end)}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Licence type</th>
                <th scope="col">Licences</th>
                <th scope="col" className="app-amount">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((line) => (
                <tr key={line.poolId}>
                  <td>{line.poolName}</td>
                  <td>
                    {line.per === 'day' && invoice.period !== null
                      ? `${line.quantity} × ${remainingFraction(invoice.period, invoice.period.start, 'day').total} days`
                      : line.per === 'term'
                        ? `${line.quantity}, the whole contract term`
                        : line.quantity}
                  </td>
                  <td className="app-amount">
                    {money({ amount: line.amount, currency: invoice.total.currency })}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Total
                </th>
                <td className="app-amount">{money(invoice.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}

      <h2>Charges and credits</h2>
      {data.entries.length === 0 ? (
        <p className="app-empty">Nothing charged or credited yet.</p>
      ) : (
        <div className="app-table-wrap">
          <table className="app-table">
            <caption>Newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Reference</th>
                <th scope="col" className="app-amount">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((entry) => (
                <tr key={entry.reference}>
                  <td>{day(entry.at)}</td>
                  <td>{describeEntry(entry)}</td>
                  <td>{entry.reference}</td>
                  <td className="app-amount">
                    {entry.kind === 'credit' ? `−${money(entry.amount)}` : money(entry.amount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Billing periods</h2>
      {data.periodEnds.length === 0 ? (
        <p className="app-empty">
          No period has ended yet. Move time forward with the demo clock to see one end.
        </p>
      ) : (
        <div className="app-table-wrap">
          <table className="app-table">
            <caption>Recurring charges, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Contract</th>
                <th scope="col">Status</th>
                <th scope="col" className="app-amount">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {data.periodEnds.map((periodEnd) => (
                <tr key={periodEnd.period.start}>
                  <td>
                    {day(periodEnd.period.start)} – {day(periodEnd.period.end)}
                  </td>
                  <td>{periodEnd.contractOutcome ?? '—'}</td>
                  <td>
                    {statusWords[periodEnd.chargeStatus] ?? periodEnd.chargeStatus}
                    {periodEnd.failureReason !== null && `: ${periodEnd.failureReason}`}
                  </td>
                  <td className="app-amount">{money(periodEnd.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
