import type { FullSummary } from '@seats/client';
import { createSeatsClient } from '@seats/client';
import { describeUsage } from '@seats/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../test/axe';
import { api, clientFor } from '../test/mock-api';
import {
  AdjustAllowanceDialog,
  de,
  es,
  pt,
  SeatMeter,
  SeatMeterBar,
  SeatMeterCounts,
  SeatMeterDetails,
  SeatMeterLabel,
  SeatMeterPool,
  SeatMeterReason,
  SeatMeterRenewal,
  SeatMeterRoot,
  SeatMeterStorage,
  SeatsProvider,
  seatMeterAnatomy,
} from './index';

describe('SeatMeter', () => {
  it('shows used, purchased and available as a meter with a spoken value, in the product words (OpenCRM counters)', async () => {
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease')}>
        <SeatMeter />
      </SeatsProvider>,
    );
    expect(screen.getByText('Loading licences…')).toBeTruthy();
    const meter = await screen.findByRole('meter', { name: /User licences/ });
    expect(meter.getAttribute('aria-valuenow')).toBe('9');
    expect(meter.getAttribute('aria-valuemin')).toBe('0');
    expect(meter.getAttribute('aria-valuemax')).toBe('12');
    expect(meter.getAttribute('aria-valuetext')).toBe('9 of 12 licences used, 3 available');
    expect(screen.getByRole('group', { name: 'User Allowance' })).toBeTruthy();
    expect(
      screen.getByText('Number of Active Users: 9 · Maximum Active Users: 12', { exact: true }),
    ).toBeTruthy();
    expect(screen.getByText('Number of Licences Available: 3', { exact: true })).toBeTruthy();
    expect(screen.getByText('To remove licences, contact your Account Manager')).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('marks a pool whose every licence is used as full (Dazos at its limit)', async () => {
    const { container } = render(
      <SeatsProvider client={clientFor('delta-upgrade-at-limit')}>
        <SeatMeter variant="compact" />
      </SeatsProvider>,
    );
    const meter = await screen.findByRole('meter');
    expect(meter.getAttribute('data-state')).toBe('full');
    expect(container.querySelector('[data-seats="meter"]')?.getAttribute('data-state')).toBe(
      'full',
    );
    expect(screen.getByText('Full')).toBeTruthy();
    expect(screen.getByText('0 free')).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('shows a bar per licence type, the account total, contract end and storage (Commusoft)', async () => {
    render(
      <SeatsProvider client={clientFor('signed-contract-licence-types')}>
        <SeatMeter />
      </SeatsProvider>,
    );
    const meters = await screen.findAllByRole('meter');
    const names = meters.map((meter) => meter.getAttribute('aria-valuetext'));
    expect(names).toEqual([
      '13 of 16 licences used, 3 available',
      '9 of 10 licences used, 1 available',
      '3 of 4 licences used, 1 available',
      '1 of 2 licences used, 1 available',
      '212 GB of 280 GB used',
    ]);
    expect(screen.getByRole('meter', { name: /Contracted licences/ })).toBeTruthy();
    expect(screen.getByRole('meter', { name: /Daily licences/ })).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Storage' })).toBeTruthy();
    expect(screen.getByText('Plan: Customer Journey Plan')).toBeTruthy();
    expect(screen.getByText(/^Contract ends on/)).toBeTruthy();
    expect(screen.getAllByText(/^Contracted until .*; can be reduced at renewal$/)).toHaveLength(1);
    expect(screen.getAllByText('Purchases take effect once signed').length).toBeGreaterThan(0);
    await expectNoAxeViolations();
  });

  it('names whom to contact where a contract locks removals (Dialpad contracted plan)', async () => {
    render(
      <SeatsProvider client={clientFor('scheduled-removal-with-restore-invoiced')}>
        <SeatMeter />
      </SeatsProvider>,
    );
    expect(
      await screen.findByText(
        /^Contracted until .*; to remove licences, contact your Customer Success Manager$/,
      ),
    ).toBeTruthy();
  });

  it('says that the viewer may not see licences when the role lacks the permission (Commusoft engineer)', async () => {
    render(
      <SeatsProvider client={clientFor('signed-contract-licence-types', 'engineer')}>
        <SeatMeter />
      </SeatsProvider>,
    );
    expect(await screen.findByText('Your role cannot see licences.')).toBeTruthy();
    expect(screen.queryByRole('meter')).toBeNull();
    // The server sent the limited summary: nothing of the licences reached the browser.
    const summary = await clientFor('signed-contract-licence-types', 'engineer').getSummary();
    expect(summary.access).toBe('limited');
    await expectNoAxeViolations();
  });

  it.each([
    [404, 'account_not_found', 'Licences are not set up for this account yet.', 'not-set-up'],
    [401, 'unauthenticated', 'Sign in to see the licences.', 'signed-out'],
  ] as const)(
    'answers %i %s with its own state, not the retry of a failure',
    async (status, code, text, state) => {
      const client = createSeatsClient({
        baseUrl: '/api/seats',
        fetch: async () =>
          new Response(
            JSON.stringify({ type: 'about:blank', title: code, status, code, requestId: 'req_1' }),
            { status, headers: { 'content-type': 'application/problem+json' } },
          ),
      });
      const { container } = render(
        <SeatsProvider client={client}>
          <SeatMeter />
        </SeatsProvider>,
      );
      expect(await screen.findByText(text)).toBeTruthy();
      expect(container.querySelector('[data-seats="meter"]')?.getAttribute('data-state')).toBe(
        state,
      );
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
      await expectNoAxeViolations();
    },
  );

  it('shows an error with a retry button that loads the summary again', async () => {
    api.faults.serverError(3);
    const user = userEvent.setup();
    render(
      <SeatsProvider client={clientFor('total-with-terms-no-self-decrease')}>
        <SeatMeter />
      </SeatsProvider>,
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert.textContent).toBe('The licences could not be loaded.');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('meter')).getAttribute('aria-valuenow')).toBe('9');
  });

  it('shares one summary request between several widgets on a page', async () => {
    let summaryRequests = 0;
    const client = createSeatsClient({
      baseUrl: '/api/seats',
      headers: { 'x-seats-account': 'delta-upgrade-at-limit' },
      fetch: (input, init) => {
        if (input.endsWith('/v1/summary')) summaryRequests += 1;
        return fetch(input, init);
      },
    });
    render(
      <SeatsProvider client={client}>
        <SeatMeter />
        <SeatMeter variant="compact" />
        <AdjustAllowanceDialog />
      </SeatsProvider>,
    );
    expect(await screen.findAllByRole('meter')).toHaveLength(2);
    expect(await screen.findByRole('button', { name: 'Upgrade' })).toBeTruthy();
    expect(summaryRequests).toBe(1);
    await expectNoAxeViolations();
  });

  it('formats numbers and dates in German and lays out right to left', async () => {
    render(
      <SeatsProvider
        client={clientFor('signed-contract-licence-types')}
        locale="de-DE"
        messages={de}
        dir="rtl"
      >
        <SeatMeter />
      </SeatsProvider>,
    );
    const storage = await screen.findByRole('meter', { name: 'Speicher' });
    // Intl puts a no-break space between a number and its unit.
    expect(storage.getAttribute('aria-valuetext')).toBe('212\u00a0GB von 280\u00a0GB belegt');
    const root = storage.closest('[data-seats="meter"]');
    expect(root?.getAttribute('dir')).toBe('rtl');
    expect(getComputedStyle(root as Element).direction).toBe('rtl');
    expect(screen.getByText(/^Vertrag endet am \d{2}\.\d{2}\.\d{4}$/)).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('lets the host lay out the parts and override a single string', async () => {
    render(
      <SeatsProvider
        client={clientFor('daily-prorated-with-password')}
        messages={{ usage: ({ used, purchased }) => `${used}/${purchased} seats` }}
      >
        <SeatMeterRoot className="my-meter">
          <SeatMeterPool poolId="named" className="row">
            <SeatMeterBar />
            <SeatMeterLabel />
            <SeatMeterCounts />
          </SeatMeterPool>
        </SeatMeterRoot>
      </SeatsProvider>,
    );
    const meter = await screen.findByRole('meter', { name: /Named licences/ });
    const pool = meter.closest('[data-part="pool"]') as HTMLElement;
    expect(pool.className).toBe('row');
    expect(pool.style.getPropertyValue('--seats-percent')).toBe('70%');
    expect(within(pool).getByText('7/10 seats')).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('forwards the ref of every part and lets the consumer props win over the kit', async () => {
    const refs = {
      root: createRef<HTMLDivElement>(),
      pool: createRef<HTMLDivElement>(),
      label: createRef<HTMLDivElement>(),
      bar: createRef<HTMLDivElement>(),
      counts: createRef<HTMLParagraphElement>(),
      details: createRef<HTMLUListElement>(),
      renewal: createRef<HTMLParagraphElement>(),
      storage: createRef<HTMLDivElement>(),
    };
    render(
      <SeatsProvider client={clientFor('signed-contract-licence-types')}>
        <SeatMeterRoot ref={refs.root} data-seats="host-meter">
          <SeatMeterRenewal ref={refs.renewal} />
          <SeatMeterPool ref={refs.pool} poolId="monthly" data-state="host">
            <SeatMeterLabel ref={refs.label} />
            <SeatMeterBar ref={refs.bar} aria-valuetext="host text" />
            <SeatMeterCounts ref={refs.counts} data-part="host-counts" />
            <SeatMeterDetails ref={refs.details} />
          </SeatMeterPool>
          <SeatMeterStorage ref={refs.storage} className="host-storage" />
        </SeatMeterRoot>
      </SeatsProvider>,
    );
    const bar = await screen.findByRole('meter', { name: /Monthly/ });
    expect(refs.bar.current).toBe(bar);
    expect(bar.getAttribute('aria-valuetext')).toBe('host text');
    expect(refs.root.current?.getAttribute('data-seats')).toBe('host-meter');
    expect(refs.pool.current?.getAttribute('data-state')).toBe('host');
    expect(refs.label.current?.id).toBe(bar.getAttribute('aria-labelledby'));
    expect(refs.counts.current?.getAttribute('data-part')).toBe('host-counts');
    expect(refs.details.current?.getAttribute('data-part')).toBe(seatMeterAnatomy.parts.details);
    expect(refs.renewal.current?.getAttribute('data-part')).toBe(seatMeterAnatomy.parts.renewal);
    expect(refs.storage.current?.className).toBe('host-storage');
    // One name per part: the pool's renewal line is not the account's renewal.
    expect(document.querySelectorAll('[data-part="renewal"]')).toHaveLength(1);
    expect(refs.details.current?.querySelector('[data-part="pool-renewal"]')).not.toBeNull();
  });

  it('shows the usage it is given without asking the server (over the limit)', async () => {
    const summary = (await clientFor('delta-upgrade-at-limit').getSummary()) as FullSummary;
    const usage = describeUsage({
      account: summary.account,
      pools: summary.pools.map((pool) => ({ ...pool, purchased: 8 })),
      usedByPool: Object.fromEntries(summary.usage.pools.map((pool) => [pool.poolId, pool.used])),
      policy: summary.policy,
      viewerRole: summary.viewer.role,
    });
    const requests: string[] = [];
    const client = createSeatsClient({
      baseUrl: '/api/seats',
      headers: { 'x-seats-account': 'delta-upgrade-at-limit' },
      fetch: (input, init) => {
        requests.push(input);
        return fetch(input, init);
      },
    });
    render(
      <SeatsProvider client={client}>
        <SeatMeter usage={usage} variant="compact" />
      </SeatsProvider>,
    );
    const meter = screen.getByRole('meter');
    expect(meter.getAttribute('data-state')).toBe('over');
    expect(meter.getAttribute('aria-valuenow')).toBe('8');
    expect(screen.getByText('2 over the limit')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual([]);
    await expectNoAxeViolations();
  });

  it('marks a consuming member with data-consumes and leaves it off otherwise', async () => {
    render(
      <SeatsProvider client={clientFor('daily-prorated-with-password')}>
        <SeatMeterReason reason={{ kind: 'status-consumes', status: 'active' }} />
        <SeatMeterReason reason={{ kind: 'role-does-not-consume', role: 'guest' }} />
      </SeatsProvider>,
    );
    const [consumes, exempt] = document.querySelectorAll('[data-part="reason"]');
    expect(consumes?.getAttribute('data-consumes')).toBe('');
    expect(exempt?.hasAttribute('data-consumes')).toBe(false);
  });

  it('explains why a member counts, or why not (factro guest)', async () => {
    const members = await clientFor('daily-prorated-with-password').listMembers({ role: 'guest' });
    const guest = members.items[0];
    if (guest === undefined) throw new Error('the demo account has a guest');
    render(
      <SeatsProvider client={clientFor('daily-prorated-with-password')}>
        <SeatMeterReason reason={guest.reason} />
      </SeatsProvider>,
    );
    expect(screen.getByText('Does not count because its role is Guest')).toBeTruthy();
    await expectNoAxeViolations();
  });

  it.each([
    [
      'es-ES',
      es,
      '9 de 12 licencias en uso, 3 disponibles',
      'Para quitar licencias, contacta con your Account Manager',
    ],
    [
      'pt-BR',
      pt,
      '9 de 12 licenças em uso, 3 disponíveis',
      'Para remover licenças, contate your Account Manager',
    ],
  ] as const)('speaks %s', async (locale, messages, valueText, decrease) => {
    render(
      <SeatsProvider
        client={clientFor('total-with-terms-no-self-decrease')}
        locale={locale}
        messages={messages}
      >
        <SeatMeter />
      </SeatsProvider>,
    );
    expect((await screen.findByRole('meter')).getAttribute('aria-valuetext')).toBe(valueText);
    expect(screen.getByText(decrease)).toBeTruthy();
    await expectNoAxeViolations();
  });
});
