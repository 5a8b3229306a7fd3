import type { FullSummary } from '@seats/client';
import { describeUsage } from '@seats/core';
import { SeatMeter } from '@seats/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { getResponse, HttpResponse, http } from 'msw';
import { expect } from 'storybook/test';
import { seatsApi, seatsBaseUrl } from './seats-api';
import type { SeatsParameters } from './seats-parameters';
import { dark, german, light, rtl, unstyled } from './variants';

/**
 * Over the limit: the kit never lets members outgrow their licences, but a pool shrunk by the
 * billing system (or imported) can. Here Dazos's 10 licences became 8 outside the kit, with 10
 * users still active; the usage is described again by `@seats/core`.
 */
const meta = {
  title: 'SeatMeter/Over',
  component: SeatMeter,
  parameters: {
    seats: { account: 'delta-upgrade-at-limit' } satisfies SeatsParameters,
    msw: [
      http.get(`*${seatsBaseUrl}/v1/summary`, async ({ request }) => {
        const api = await seatsApi();
        const response = await getResponse(api.handlers, request);
        if (response === undefined || !response.ok) return response;
        const summary = (await response.json()) as FullSummary;
        const pools = summary.pools.map((pool) => ({ ...pool, purchased: 8 }));
        const usage = describeUsage({
          account: summary.account,
          pools,
          usedByPool: Object.fromEntries(
            summary.usage.pools.map((pool) => [pool.poolId, pool.used]),
          ),
          policy: summary.policy,
          viewerRole: summary.viewer.role,
        });
        return HttpResponse.json({ ...summary, pools, usage });
      }),
    ],
  },
  async play({ canvas, canvasElement }) {
    const meter = await canvas.findByRole('meter');
    await expect(meter).toHaveAttribute('data-state', 'over');
    await expect(meter).toHaveAttribute('aria-valuenow', '8');
    await expect(meter).toHaveAttribute('aria-valuemax', '8');
    await expect(canvasElement.querySelector('[data-part="state"]')).toHaveAttribute(
      'data-state',
      'over',
    );
  },
} satisfies Meta<typeof SeatMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = light;
export const Dark: Story = dark;
export const Unstyled: Story = unstyled;
export const German: Story = german;
export const Rtl: Story = rtl;
