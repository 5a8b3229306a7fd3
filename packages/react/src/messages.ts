import type { Change } from '@seats/client';
import type {
  AllowancePlan,
  ChangeAvailability,
  ChangeResult,
  ConsumptionReason,
  GivenConfirmation,
  Instant,
  Money,
  PlanIssue,
  PlanPriceRow,
  PoolState,
  PoolTerm,
  PriceUnit,
} from '@seats/core';
import type { SeatsFormat } from './format';
import { enMeter, licences } from './meter-messages';

export { humanize } from './meter-messages';

type Message<Params = void> = (params: Params, format: SeatsFormat) => string;

/** How the admin enters a change, as the policy's `changeInput` says. */
export type ChangeInput = 'delta' | 'total';

/** Whether a change entered as a `delta` adds or removes licences. */
export type ChangeDirection = 'add' | 'remove';

/** Every visible string of the widgets. Each is a function of its parameters and an `Intl` formatter. */
export interface SeatsMessages {
  /** Heading of the meter. */
  meterLabel: Message;
  /** Name of the account-wide bar when several licence types exist. */
  accountLabel: Message;
  poolTerm: Message<{ term: PoolTerm }>;
  usage: Message<{ used: number; purchased: number }>;
  available: Message<{ count: number }>;
  /** The meter's spoken value (`aria-valuetext`). */
  valueText: Message<{ used: number; purchased: number; available: number }>;
  state: Message<{ state: PoolState }>;
  over: Message<{ count: number }>;
  scheduledRemoval: Message<{ count: number; date: Instant }>;
  pendingSignature: Message<{ count: number }>;
  renews: Message<{ date: Instant }>;
  contractEnds: Message<{ date: Instant }>;
  plan: Message<{ plan: string }>;
  /** What may change and when, for a pool; empty when there is nothing to say. */
  changeInfo: Message<{ change: 'increase' | 'decrease'; availability: ChangeAvailability }>;
  storageLabel: Message;
  storage: Message<{ usedBytes: number; allowanceBytes: number }>;
  loading: Message;
  loadError: Message;
  /** The caller's account is not set up for licences yet (404 `account_not_found`). */
  notSetUp: Message;
  /** The caller is not signed in (401 `unauthenticated`). */
  signedOut: Message;
  retry: Message;
  noAccess: Message;
  consumptionReason: Message<{ reason: ConsumptionReason }>;
  statusName: Message<{ status: string }>;
  roleName: Message<{ role: string }>;

  /** The control that opens the dialog, for the licence type `pool` (its name) of `term`. */
  adjustTrigger: Message<{ input: ChangeInput; pool?: string; term?: PoolTerm }>;
  adjustExplained: Message<{ roles: string[] }>;
  adjustTitle: Message<{ pool: string }>;
  adjustDescription: Message<{ input: ChangeInput; current: number }>;
  /** Whether a `delta` change adds or removes licences. */
  direction: Message<{ direction: ChangeDirection }>;
  /** Names the add-or-remove choice. */
  directionLabel: Message;
  inputLabel: Message<{ input: ChangeInput; direction: ChangeDirection }>;
  decrement: Message;
  increment: Message;
  restoreScheduled: Message<{ count: number }>;
  /** One licence's price before anything is typed, e.g. `$49.00 per licence per month`. */
  unitPrice: Message<{ unitPrice: number; per: PriceUnit; currency: string }>;
  quoteLoading: Message;
  /** A row of the price summary; its amount is shown beside it. */
  priceLine: Message<{ row: PlanPriceRow; currency: string }>;
  /** The heading over what is due today, with the prorated days when some are charged. */
  dueNow: Message<{ from: Instant | null; until: Instant | null }>;
  dueNowTotal: Message;
  /** The heading over the next invoice: its date and its amount before and after, when known. */
  nextInvoice: Message<{ at: Instant; before: string | null; after: string | null }>;
  /** The label of the next invoice's change, under its rows. */
  nextInvoiceChange: Message;
  commitment: Message<{ until: Instant; amount: string }>;
  /** What the last committed change did, e.g. `Now 12 licences · $98.00 charged`. */
  committed: Message<{ change: Change }>;
  effective: Message<{ plan: AllowancePlan }>;
  planIssue: Message<{ issue: PlanIssue }>;
  termsLabel: Message;
  /** The link to the terms beside their checkbox, when the dialog has a `termsHref`. */
  termsLink: Message;
  passwordLabel: Message;
  signatureNotice: Message;
  submit: Message<{ plan: AllowancePlan | null }>;
  submitting: Message;
  /** Under a disabled submit: the confirmations still missing. */
  submitHint: Message<{ missing: GivenConfirmation[] }>;
  cancel: Message;
  close: Message;
  success: Message<{ result: ChangeResult; plan: AllowancePlan }>;
  paymentFailed: Message;
  updatePaymentMethod: Message;
  /** The payment provider's reason for a declined payment, under `paymentFailed`. */
  declineReason: Message<{ reason: string }>;
  requoted: Message<{ before: AllowancePlan; after: AllowancePlan }>;
  passwordInvalid: Message;
  networkError: Message;
  genericError: Message<{ message: string }>;
  pickToDeactivate: Message;
  deactivate: Message<{ name: string }>;
  deleteMember: Message<{ name: string }>;
  /** Names the member picker's choices. */
  pickMember: Message<{ action: 'deactivate' | 'delete' }>;
  /** When a member offered in the picker last changed, e.g. `last changed Nov 29, 2026`. */
  memberChanged: Message<{ at: Instant }>;
  noMemberToFree: Message;
  /** Announced once a member's licence was freed. */
  memberFreed: Message<{ name: string; action: 'deactivate' | 'delete' }>;

  guardTitle: Message;
  guardBody: Message<{ used: number; purchased: number }>;
  remedyBuy: Message<{ quantity: number }>;
  remedyNonConsuming: Message<{ status: string } | { role: string }>;
  remedyFreeLicence: Message<{ quantity: number }>;
  remedyAskAdmin: Message<{ roles: string[] }>;
  guardBlocked: Message;
  guardForbidden: Message;
  guardPending: Message;
  /** One line under a remedy saying what choosing it does. */
  remedyConsequence: Message<{
    kind: 'use-non-consuming' | 'free-licence' | 'ask-admin' | 'continue';
  }>;
  /** The guard's choice, when it checks as a form opens, to go on without a remedy. */
  guardContinue: Message;
}

/** Per-string overrides of a catalog. */
export type SeatsMessageOverrides = Partial<SeatsMessages>;

const moneyOf = (f: SeatsFormat, value: Money) => f.money(value);

const unitWords: Record<PriceUnit, string> = {
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  day: 'day',
  term: 'contract term',
  period: 'billing period',
};

/** English, the default catalog. */
export const en: SeatsMessages = {
  ...enMeter,
  adjustTrigger: ({ input }) => (input === 'delta' ? 'Add licences' : 'Adjust allowance'),
  adjustExplained: ({ roles }, f) => `Only ${f.list(roles, 'disjunction')} can change licences.`,
  adjustTitle: ({ pool }) => `Adjust allowance: ${pool}`,
  adjustDescription: ({ input, current }, f) =>
    input === 'delta'
      ? `You have ${licences(f, current)}. Enter how many to add.`
      : `You have ${licences(f, current)}. Enter the new total.`,
  direction: ({ direction }) => (direction === 'add' ? 'Add' : 'Remove'),
  directionLabel: () => 'Add or remove licences',
  inputLabel: ({ input, direction }) =>
    input === 'total'
      ? 'New total'
      : direction === 'add'
        ? 'Licences to add'
        : 'Licences to remove',
  decrement: () => 'One less',
  increment: () => 'One more',
  restoreScheduled: ({ count }, f) =>
    f.plural(count, {
      one: 'Keep the licence scheduled for removal',
      other: 'Keep the # licences scheduled for removal',
    }),
  quoteLoading: () => 'Calculating the price…',
  unitPrice: ({ unitPrice, per, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    return `${m(unitPrice)} per licence per ${unitWords[per]}`;
  },
  priceLine: ({ row, currency }, f) => {
    const m = (amount: number) => f.money({ amount, currency });
    const n = row.quantity;
    const price = row.unitPrice ?? 0;
    const per = row.per ?? 'period';
    const days = row.days ?? 0;
    const ofDays = row.ofDays ?? 0;
    switch (row.kind) {
      case 'prorated-charge':
      case 'prorated-credit': {
        const span = f.range(row.from ?? '', row.until ?? '');
        const text =
          row.proration === 'second'
            ? `${licences(f, n)} × ${m(price)}, prorated to the second, ${span}`
            : row.days === null
              ? `${licences(f, n)} × ${m(price)}, ${span}`
              : per === 'day'
                ? `${licences(f, n)} × ${m(price)} per day × ${f.plural(days, { one: '# day', other: '# days' })}`
                : `${licences(f, n)} × ${m(price)}, ${f.number(days)} of ${f.number(ofDays)} days`;
        return row.kind === 'prorated-credit' ? `Credit: ${text}` : text;
      }
      case 'term-charge':
        return `${licences(f, n)}, ${f.range(row.from ?? '', row.until ?? '')}`;
      case 'restore':
        return `${licences(f, row.quantity)} kept, no charge`;
      case 'recurring-change': {
        const who = row.amount < 0 ? `${licences(f, n)} fewer` : licences(f, n);
        return `${who} × ${m(price)} per ${unitWords[per]}${row.days === null ? '' : ` × ${f.plural(days, { one: '# day', other: '# days' })}`}`;
      }
      default:
        return licences(f, n);
    }
  },
  dueNow: ({ from, until }, f) =>
    from !== null && until !== null ? `Due today (prorated ${f.range(from, until)})` : 'Due today',
  dueNowTotal: () => 'Total due today',
  nextInvoice: ({ at, before, after }, f) =>
    before !== null && after !== null
      ? `Next invoice on ${f.date(at)}: ${before} → ${after}`
      : `Next invoice on ${f.date(at)}`,
  nextInvoiceChange: () => 'Change to the next invoice',
  commitment: ({ until, amount }, f) => `Committed until ${f.date(until)}: ${amount}`,
  committed: ({ change }, f) => {
    if (change.status === 'scheduled')
      return `${licences(f, change.plan.removed)} leave on ${f.date(change.effectiveAt ?? change.plan.effectiveAt ?? '')}`;
    if (change.status === 'pending-signature')
      return `${licences(f, change.plan.added)} waiting for the e-signature`;
    const paid = change.charged ?? change.plan.dueNow;
    const money = f.money({ amount: Math.abs(paid.amount), currency: paid.currency });
    if (paid.amount === 0) return `Now ${licences(f, change.plan.to)}`;
    return `Now ${licences(f, change.plan.to)} · ${paid.amount > 0 ? `${money} charged` : `${money} credited`}`;
  },
  effective: ({ plan }, f) =>
    plan.effectiveAt === null
      ? 'Takes effect once the e-signature is complete'
      : plan.result === 'scheduled'
        ? `Takes effect on ${f.date(plan.effectiveAt)}`
        : 'Takes effect immediately',
  planIssue: ({ issue }, f) => {
    switch (issue.code) {
      case 'unknown-pool':
        return 'There is no such licence type.';
      case 'not-an-integer':
        return 'Enter a whole number of licences.';
      case 'zero':
        return 'Enter at least one licence.';
      case 'no-change':
        return 'The new total is the same as today’s.';
      case 'below-assigned':
        return issue.floor === 'holders'
          ? `${f.plural(issue.limit ?? 0, { one: '# licence is', other: '# licences are' })} assigned to users; delete users or move them to another licence type first.`
          : `${f.plural(issue.limit ?? 0, { one: '# licence is', other: '# licences are' })} assigned; deactivate users before going below that.`;
      case 'below-min':
        return `The allowance cannot go below ${f.number(issue.limit ?? 0)}.`;
      case 'above-max':
        return `The allowance cannot go above ${f.number(issue.limit ?? 0)}.`;
      case 'increase-not-allowed':
        return `Licences cannot be added here; please contact ${issue.contact}.`;
      case 'decrease-not-allowed':
        return `You cannot reduce your licences here; please contact ${issue.contact}.`;
      case 'contracted-until':
        return issue.contact === undefined
          ? `These licences are contracted until ${issue.until ? f.date(issue.until) : ''} and can be reduced at renewal.`
          : `These licences are contracted until ${issue.until ? f.date(issue.until) : ''}; please contact ${issue.contact} to change them.`;
      case 'not-restorable':
        return `At most ${f.number(issue.limit ?? 0)} licences can be restored.`;
    }
  },
  termsLabel: () => 'I have read and accept the terms and conditions',
  termsLink: () => 'Read the terms',
  passwordLabel: () => 'Confirm with your password',
  signatureNotice: () =>
    'A signature request will be emailed to you; the licences are added once it is signed.',
  submit: ({ plan }) => {
    if (plan === null || plan.kind === 'increase') return 'Confirm purchase';
    if (plan.kind === 'restore') return 'Restore licences';
    return plan.result === 'scheduled' ? 'Schedule removal' : 'Remove licences';
  },
  submitting: () => 'Saving…',
  submitHint: ({ missing }) =>
    missing.includes('terms') && missing.includes('password')
      ? 'Accept the terms and enter your password to continue'
      : missing.includes('terms')
        ? 'Accept the terms to continue'
        : 'Enter your password to continue',
  cancel: () => 'Cancel',
  close: () => 'Close',
  success: ({ result, plan }, f) => {
    if (result === 'pending-signature') return 'Waiting for your e-signature.';
    if (result === 'scheduled' && plan.effectiveAt !== null)
      return `The removal is scheduled for ${f.date(plan.effectiveAt)}.`;
    return `You now have ${licences(f, plan.to)}.`;
  },
  paymentFailed: () =>
    'The payment failed and nothing was changed. Check that your payment method is valid.',
  updatePaymentMethod: () => 'Update payment method',
  declineReason: ({ reason }) => `The payment provider said: ${reason}`,
  requoted: ({ before, after }, f) =>
    `The licences changed meanwhile and the price was updated: due now ${moneyOf(f, before.dueNow)} → ${moneyOf(f, after.dueNow)}, from ${f.number(before.from)} → ${f.number(after.from)} licences today.`,
  passwordInvalid: () => 'The password is not correct.',
  networkError: () => 'The connection failed. Check your network and try again.',
  genericError: ({ message }) => `Something went wrong: ${message}`,
  pickToDeactivate: () => 'Deactivate users to go below that:',
  deactivate: ({ name }) => `Deactivate ${name}`,
  deleteMember: ({ name }) => `Delete ${name}`,
  pickMember: ({ action }) =>
    action === 'delete' ? 'Choose whom to delete:' : 'Choose whom to deactivate:',
  memberChanged: ({ at }, f) => `last changed ${f.date(at)}`,
  noMemberToFree: () => 'No other user holds a licence you can free here.',
  memberFreed: ({ name, action }) =>
    action === 'delete' ? `${name} was deleted.` : `${name} was deactivated.`,

  guardTitle: () => 'No licence available',
  guardBody: ({ used, purchased }, f) =>
    `${f.number(used)} of ${licences(f, purchased)} are in use.`,
  remedyBuy: ({ quantity }, f) =>
    f.plural(quantity, { one: 'Buy # licence', other: 'Buy # licences' }),
  remedyNonConsuming: (params) =>
    'status' in params ? `Add as ${params.status}` : `Add as ${params.role}`,
  remedyFreeLicence: ({ quantity }, f) =>
    f.plural(quantity, {
      one: 'Free a licence by deactivating a user',
      other: 'Free # licences by deactivating users',
    }),
  remedyAskAdmin: ({ roles }, f) => `Ask ${f.list(roles, 'disjunction')} for a licence`,
  guardBlocked: () => 'Ask an administrator for more licences.',
  guardForbidden: () => 'Your role cannot add users.',
  guardPending: () =>
    'The purchase waits for an e-signature; the user can be added once it is signed.',
  remedyConsequence: ({ kind }) =>
    ({
      'use-non-consuming': 'Uses no licence.',
      'free-licence': 'You pick whom, then confirm.',
      'ask-admin': 'The user waits for more licences.',
      continue: 'Saving an active user then asks for a licence.',
    })[kind],
  guardContinue: () => 'Continue anyway',
};
