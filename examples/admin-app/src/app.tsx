import { createSeatsClient } from '@seats/client';
import { de, SeatsProvider, useSeats, useSeatsMessages } from '@seats/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { BillingPage } from './billing-page';
import { day } from './dates';
import { type DemoAccountInfo, type DemoSession, useDemoSession } from './demo-session';
import { ToastProvider } from './feedback';
import { LicencesPage } from './licences-page';
import { OutboxPage } from './outbox-page';
import { UsersPage } from './users-page';

// The German catalog, for accounts whose product speaks German (factro); the product's own words
// come with each account's policy.
const catalogs = { de };

const pages = {
  users: 'Users',
  licences: 'Licences',
  billing: 'Billing',
  outbox: 'Outbox',
} as const;
type Page = keyof typeof pages;

function readPage(): Page {
  const name = window.location.hash.replace('#/', '');
  return name in pages ? (name as Page) : 'users';
}

function usePage(): Page {
  const [page, setPage] = useState<Page>(readPage);
  useEffect(() => {
    const update = () => setPage(readPage());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return page;
}

const pageIntros: Record<Page, string> = {
  users: 'Who works in this account, their roles, and who uses a licence.',
  licences: 'Licences bought for this account, changes waiting for the period end, and history.',
  billing: 'The payment method, the next invoice and what was charged.',
  outbox: 'E-signature requests sent to the company address arrive here in this demo.',
};

export function App() {
  const { accounts, session, choose } = useDemoSession();
  const page = usePage();
  const client = useMemo(
    () =>
      session === null
        ? null
        : createSeatsClient({
            baseUrl: '/api/seats',
            headers: { 'x-seats-account': session.accountId, 'x-seats-role': session.role },
          }),
    [session],
  );
  const account = accounts.find((candidate) => candidate.id === session?.accountId);
  if (client === null || session === null)
    return (
      <div className="app">
        <p className="app-main">Loading demo accounts…</p>
      </div>
    );

  return (
    <SeatsProvider
      client={client}
      scope={`${session.accountId}:${session.role}`}
      catalogs={catalogs}
    >
      <ToastProvider>
        <div className="app">
          <div>
            <header className="app-topbar">
              <strong className="app-brand">Acme</strong>
              {account !== undefined && (
                <SessionSwitcher
                  accounts={accounts}
                  account={account}
                  session={session}
                  choose={choose}
                />
              )}
            </header>
            <DemoControls />
          </div>
          <div className="app-body">
            <nav className="app-nav" aria-label="Main">
              <p>Settings</p>
              <ul>
                {Object.entries(pages).map(([name, label]) => (
                  <li key={name}>
                    <a href={`#/${name}`} aria-current={page === name ? 'page' : undefined}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <main className="app-main" aria-labelledby={`${page}-title`}>
              <div className="app-page-header">
                <div>
                  <h1 id={`${page}-title`}>{pages[page]}</h1>
                  <p>{pageIntros[page]}</p>
                </div>
              </div>
              {page === 'users' && <UsersPage client={client} />}
              {page === 'licences' && <LicencesPage client={client} />}
              {page === 'billing' && <BillingPage accountId={session.accountId} />}
              {page === 'outbox' && <OutboxPage client={client} accountId={session.accountId} />}
            </main>
          </div>
        </div>
      </ToastProvider>
    </SeatsProvider>
  );
}

function SessionSwitcher({
  accounts,
  account,
  session,
  choose,
}: {
  accounts: DemoAccountInfo[];
  account: DemoAccountInfo;
  session: DemoSession;
  choose: (session: DemoSession) => void;
}) {
  const t = useSeatsMessages();
  const { format } = useSeats();
  return (
    <div className="app-session">
      <label>
        Account
        <select
          value={session.accountId}
          onChange={(event) => {
            const next = accounts.find((candidate) => candidate.id === event.target.value);
            if (next !== undefined) choose({ accountId: next.id, role: next.adminRole });
          }}
        >
          {accounts.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Acting as
        <select
          value={session.role}
          onChange={(event) => choose({ ...session, role: event.target.value })}
        >
          {account.roles.map((role) => (
            <option key={role} value={role}>
              {t.roleName({ role }, format)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** What only this demo has: a payment that fails on purpose and a clock that moves. */
function DemoControls() {
  const queryClient = useQueryClient();
  const payment = useQuery({
    queryKey: ['dev', 'fail-next-payment'],
    queryFn: async () => {
      const response = await fetch('/api/dev/fail-next-payment');
      return (await response.json()) as { armed: boolean };
    },
    refetchInterval: (query) => (query.state.data?.armed ? 2000 : false),
  });
  const armed = payment.data?.armed ?? false;
  return (
    <section className="app-demo" aria-label="Demo controls">
      <strong>Demo</strong>
      <button
        type="button"
        aria-pressed={armed}
        onClick={async () => {
          await fetch('/api/dev/fail-next-payment', { method: 'POST' });
          await queryClient.invalidateQueries({ queryKey: ['dev', 'fail-next-payment'] });
        }}
      >
        {armed ? 'Next payment will fail' : 'Make next payment fail'}
      </button>
      <DevClock />
    </section>
  );
}

interface TickReport {
  periodsRolled: number;
  removalsApplied: number;
  signaturesExpired: number;
  contractsRenewed: number;
  contractsEnded: number;
  charges: { charged: number; failed: number };
}

/** Says in words what moving the clock did. */
function describeTick(now: string, report: TickReport): string {
  const parts = [
    [report.periodsRolled, 'billing period ended', 'billing periods ended'],
    [report.removalsApplied, 'removal applied', 'removals applied'],
    [report.contractsRenewed, 'contract renewed', 'contracts renewed'],
    [report.contractsEnded, 'contract ended', 'contracts ended'],
    [report.charges.charged, 'charge taken', 'charges taken'],
    [report.charges.failed, 'charge failed', 'charges failed'],
    [report.signaturesExpired, 'signature request expired', 'signature requests expired'],
  ] as const;
  const done = parts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${count} ${count === 1 ? one : many}`);
  return `Now ${day(now)}: ${done.length === 0 ? 'nothing was due' : done.join(', ')}.`;
}

/**
 * The development clock: moves the server's time forward and runs the period-end job, so removals
 * apply, contracts renew and recurring and daily licences are charged while you watch.
 */
function DevClock() {
  const queryClient = useQueryClient();
  const clock = useQuery({
    queryKey: ['dev', 'clock'],
    queryFn: async () => {
      const response = await fetch('/api/dev/clock');
      return (await response.json()) as { now: string };
    },
  });
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const move = async (step: { days?: number; months?: number }) => {
    setBusy(true);
    try {
      const response = await fetch('/api/dev/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(step),
      });
      const moved = (await response.json()) as { now: string; report: TickReport };
      setStatus(describeTick(moved.now, moved.report));
      await queryClient.invalidateQueries();
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="app-clock" aria-label="Development clock">
      <span>Today is {clock.data === undefined ? '…' : day(clock.data.now)}</span>
      <button type="button" disabled={busy} onClick={() => move({ days: 1 })}>
        +1 day
      </button>
      <button type="button" disabled={busy} onClick={() => move({ months: 1 })}>
        +1 month
      </button>
      <span role="status">{status}</span>
    </fieldset>
  );
}
