/** The `data-seats` names of the widget's outer elements. */
export const seatMeterWidget = { root: 'meter' } as const;

/** Each part's `data-part` name; the parts render these. */
export const seatMeterParts = {
  root: 'root',
  title: 'title',
  error: 'error',
  retry: 'retry',
  skeleton: 'skeleton',
  skeletonText: 'skeleton-text',
  skeletonBar: 'skeleton-bar',
  noAccess: 'no-access',
  notSetUp: 'not-set-up',
  signedOut: 'signed-out',
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
} as const;

/** The `data-state` values each part may show. */
export const seatMeterStates = {
  root: ['loading', 'error', 'no-access', 'ok', 'near', 'full', 'over'],
  pool: ['ok', 'near', 'full', 'over'],
} as const;

/**
 * The seat meter's anatomy: each part's `data-part` name and the states it shows as
 * `data-state`. The parts render these; stories, tests and themes select by them.
 */
export const seatMeterAnatomy = {
  widget: seatMeterWidget,
  parts: seatMeterParts,
  states: seatMeterStates,
} as const;

/** A part of the seat meter, as its `data-part` names it. */
export type SeatMeterPart = (typeof seatMeterParts)[keyof typeof seatMeterParts];
