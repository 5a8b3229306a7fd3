import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { version } from 'react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../test/axe';
import { clientFor } from '../test/mock-api';
import {
  AdjustAllowanceDialog,
  de,
  SeatMeter,
  SeatsProvider,
  summaryQueryOptions,
  useSeats,
  useSeatsMessages,
} from './index';

function ShowsQueryClient({ expected }: { expected: QueryClient }) {
  const { queryClient } = useSeats();
  const fromContext = useQueryClient();
  return (
    <p>
      {queryClient === expected ? 'host client' : 'own client'}
      {fromContext === expected ? ', shared' : ', separate'}
    </p>
  );
}

/** Host markup reading the widgets' strings. */
function HostLabels() {
  const t = useSeatsMessages();
  const { format } = useSeats();
  return (
    <p>
      {t.adjustTrigger({ input: 'total' }, format)} · {t.usage({ used: 1, purchased: 2 }, format)} ·{' '}
      {t.guardTitle(undefined, format)}
    </p>
  );
}

describe('SeatsProvider', () => {
  it('runs on the React version the test project names', () => {
    expect(version.split('.')[0]).toBe(__REACT_MAJOR__);
  });

  it('uses the host QueryClient when there is one, so a prefetched summary renders without loading', async () => {
    const host = new QueryClient();
    const client = clientFor('total-with-terms-no-self-decrease');
    await host.prefetchQuery(summaryQueryOptions(client));
    render(
      <QueryClientProvider client={host}>
        <SeatsProvider client={client}>
          <ShowsQueryClient expected={host} />
          <SeatMeter variant="compact" />
        </SeatsProvider>
      </QueryClientProvider>,
    );
    expect(screen.getByText('host client, shared')).toBeTruthy();
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('9');
    expect(screen.queryByText('Loading licences…')).toBeNull();
    await expectNoAxeViolations();
  });

  it('creates its own QueryClient when the host has none', async () => {
    const unrelated = new QueryClient();
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit')}>
        <ShowsQueryClient expected={unrelated} />
      </SeatsProvider>,
    );
    expect(screen.getByText('own client, separate')).toBeTruthy();
  });

  it('sets the direction from a right-to-left locale', async () => {
    render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit')} locale="ar-EG">
        <SeatMeter variant="compact" />
      </SeatsProvider>,
    );
    const meter = await screen.findByRole('meter');
    expect(meter.closest('[data-seats="meter"]')?.getAttribute('dir')).toBe('rtl');
    // Numbers follow the locale even where a string falls back to English.
    expect(screen.getByText('١٠ of ١٠ used')).toBeTruthy();
  });

  it("speaks the account's product words and language: factro's German over the German catalog", async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('daily-prorated-with-password', 'owner')} catalogs={{ de }}>
        <SeatMeter variant="compact" />
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Nutzeranzahl ändern' }));
    expect(screen.getByText('7 von 10 belegt', { exact: true })).toBeTruthy();
    const dialog = await screen.findByRole('dialog', {
      name: 'Nutzeranzahl ändern: Named licences',
    });
    const input = within(dialog).getByLabelText('Neue Gesamtzahl lizenzierter Nutzer');
    await user.clear(input);
    await user.type(input, '11');
    // German money from the vocabulary's locale, the German catalog's words, factro's own button.
    expect(await within(dialog).findByText(/^1 Lizenz × 154,80\s€ pro Jahr$/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Bestätigen' })).toBeTruthy();
    await expectNoAxeViolations();
  });

  it("lets the host's own messages win over the product's words", async () => {
    const user = userEvent.setup();
    render(
      <SeatsProvider
        client={clientFor('delta-upgrade-at-limit', 'owner')}
        messages={{ adjustTrigger: () => 'Buy seats' }}
      >
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Buy seats' }));
    const dialog = await screen.findByRole('dialog', { name: 'Upgrade: User licences' });
    await user.type(within(dialog).getByLabelText('Number of additional users'), '1');
    await within(dialog).findByText(/^1 licence × \$49\.00, /);
    expect(within(dialog).getByRole('button', { name: 'Upgrade' })).toBeTruthy();
  });

  it('gives host markup the strings the widgets show, with the same layers', async () => {
    render(
      <SeatsProvider
        client={clientFor('daily-prorated-with-password', 'owner')}
        catalogs={{ de }}
        messages={{ guardTitle: () => 'Keine Lizenz' }}
      >
        <SeatMeter variant="compact" />
        <HostLabels />
      </SeatsProvider>,
    );
    // factro's own button name over the German catalog, the German usage line, the host's title.
    expect(
      await screen.findByText('Nutzeranzahl ändern · 1 von 2 belegt · Keine Lizenz'),
    ).toBeTruthy();
  });
});
