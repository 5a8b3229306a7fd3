import type { SeatsFormat } from './format';
import type { SeatsMessages } from './messages';

/** The strings the meter shows, each key a key of `SeatsMessages`. */
export type MeterMessageKey =
  | 'meterLabel'
  | 'accountLabel'
  | 'poolTerm'
  | 'usage'
  | 'available'
  | 'valueText'
  | 'state'
  | 'over'
  | 'scheduledRemoval'
  | 'pendingSignature'
  | 'renews'
  | 'contractEnds'
  | 'plan'
  | 'changeInfo'
  | 'storageLabel'
  | 'storage'
  | 'loading'
  | 'loadError'
  | 'notSetUp'
  | 'signedOut'
  | 'retry'
  | 'noAccess'
  | 'consumptionReason'
  | 'statusName'
  | 'roleName';

/** A role or status as people read it when the catalog has no word for it: `billing-admin` -> `Billing admin`. */
export function humanize(slug: string): string {
  const text = slug.replace(/[-_]+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const licences = (f: SeatsFormat, n: number) =>
  f.plural(n, { one: '# licence', other: '# licences' });

/**
 * The English strings of the meter: apart from the rest of the catalog, so that a page with only
 * the meter does not carry the dialog's and the guard's words.
 */
export const enMeter: Pick<SeatsMessages, MeterMessageKey> = {
  meterLabel: () => 'Licences',
  accountLabel: () => 'All licences',
  poolTerm: ({ term }) =>
    ({ contracted: 'Contracted', monthly: 'Monthly', daily: 'Daily', 'add-on': 'Add-on' })[term],
  usage: ({ used, purchased }, f) => `${f.number(used)} of ${f.number(purchased)} used`,
  available: ({ count }, f) => f.plural(count, { other: '# free' }),
  valueText: ({ used, purchased, available }, f) =>
    `${f.number(used)} of ${licences(f, purchased)} used, ${f.number(available)} available`,
  state: ({ state }) =>
    ({ ok: 'Within limit', near: 'Near the limit', full: 'Full', over: 'Over the limit' })[state],
  over: ({ count }, f) => f.plural(count, { other: '# over the limit' }),
  scheduledRemoval: ({ count, date }, f) =>
    `${f.plural(count, { one: '# leaves', other: '# leave' })} on ${f.date(date)}`,
  pendingSignature: ({ count }, f) =>
    f.plural(count, {
      one: '# licence awaiting e-signature',
      other: '# licences awaiting e-signature',
    }),
  renews: ({ date }, f) => `Renews on ${f.date(date)}`,
  contractEnds: ({ date }, f) => `Contract ends on ${f.date(date)}`,
  plan: ({ plan }) => `Plan: ${plan}`,
  changeInfo: ({ change, availability: a }, f) => {
    if (a.allowed) {
      if (a.effective === 'period-end' && a.at !== null)
        return `Removals take effect on ${f.date(a.at)}`;
      if (a.effective === 'after-signature') return 'Purchases take effect once signed';
      return '';
    }
    switch (a.reason) {
      case 'contact':
        return change === 'decrease'
          ? `To remove licences, contact ${a.contact}`
          : `To add licences, contact ${a.contact}`;
      case 'contracted-until':
        return a.contact === undefined
          ? `Contracted until ${f.date(a.until)}; can be reduced at renewal`
          : `Contracted until ${f.date(a.until)}; to remove licences, contact ${a.contact}`;
      case 'at-max':
        return `At the maximum of ${f.number(a.max)}`;
      case 'all-assigned':
        return 'Every licence is assigned';
      default:
        return '';
    }
  },
  storageLabel: () => 'Storage',
  storage: ({ usedBytes, allowanceBytes }, f) =>
    `${f.bytes(usedBytes)} of ${f.bytes(allowanceBytes)} used`,
  loading: () => 'Loading licences…',
  loadError: () => 'The licences could not be loaded.',
  notSetUp: () => 'Licences are not set up for this account yet.',
  signedOut: () => 'Sign in to see the licences.',
  retry: () => 'Try again',
  noAccess: () => 'Your role cannot see licences.',
  consumptionReason: ({ reason }) => {
    switch (reason.kind) {
      case 'status-consumes':
        return `Counts because its status is ${humanize(reason.status)}`;
      case 'status-does-not-consume':
        return `Does not count because its status is ${humanize(reason.status)}`;
      case 'role-does-not-consume':
        return `Does not count because its role is ${humanize(reason.role)}`;
      case 'no-pool':
        return 'Does not count because no licence type is assigned';
    }
  },
  statusName: ({ status }) => humanize(status),
  roleName: ({ role }) => humanize(role),
};
