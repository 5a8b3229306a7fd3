/**
 * The seat meter's anatomy: each part's `data-part` name and the states it shows as
 * `data-state`. The parts render these; stories, tests and themes select by them.
 */
export const seatMeterAnatomy = {
  /** `data-seats` of the root. */
  widget: { root: 'meter' },
  parts: {
    root: 'root',
    title: 'title',
    error: 'error',
    retry: 'retry',
    skeleton: 'skeleton',
    skeletonText: 'skeleton-text',
    skeletonBar: 'skeleton-bar',
    noAccess: 'no-access',
    pool: 'pool',
    label: 'label',
    name: 'name',
    term: 'term',
    bar: 'bar',
    indicator: 'indicator',
    counts: 'counts',
    used: 'used',
    available: 'available',
    state: 'state',
    details: 'details',
    scheduledRemoval: 'scheduled-removal',
    pendingSignature: 'pending-signature',
    nextPeriod: 'next-period',
    poolRenewal: 'pool-renewal',
    increase: 'increase',
    decrease: 'decrease',
    renewal: 'renewal',
    plan: 'plan',
    renews: 'renews',
    storage: 'storage',
    reason: 'reason',
  },
  states: {
    root: ['loading', 'error', 'no-access', 'ok', 'near', 'full', 'over'],
    pool: ['ok', 'near', 'full', 'over'],
  },
} as const;

/** A part of the seat meter, as its `data-part` names it. */
export type SeatMeterPart = (typeof seatMeterAnatomy.parts)[keyof typeof seatMeterAnatomy.parts];
