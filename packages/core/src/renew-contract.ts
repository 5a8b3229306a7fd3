import type { ContractRenewal, ContractTerm, Instant } from './domain';

const dayMilliseconds = 86_400_000;

/** The same day `months` later, or that month's last day (Jan 31 + 1 month is Feb 28), in UTC. */
function addUtcMonths(at: Instant, months: number): Instant {
  const date = new Date(at);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString();
}

/** Whole calendar months from `start` to `end`, at least 1 (a term shorter than a month renews for one). */
export function termMonths(start: Instant, end: Instant): number {
  const from = new Date(start);
  const to = new Date(end);
  const months =
    (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  return Math.max(1, Date.parse(addUtcMonths(start, months)) > to.getTime() ? months - 1 : months);
}

/** The contract's renewal rule, its default filled in: another term as long as this one. */
export function contractRenewal(contract: ContractTerm): ContractRenewal {
  return contract.renewal ?? { mode: 'renew', months: termMonths(contract.start, contract.end) };
}

/** The last instant at which notice not to renew takes effect at the end of the current term. */
export function noticeDeadline(contract: ContractTerm): Instant {
  return new Date(
    Date.parse(contract.end) - (contract.noticeDays ?? 0) * dayMilliseconds,
  ).toISOString();
}

/** What happens when a contract's term ends: a new term, or month to month without a contract. */
export type ContractEnd =
  | { outcome: 'renewed'; at: Instant; contract: ContractTerm }
  | { outcome: 'ended'; at: Instant; contract: { kind: 'self-serve' } };

/**
 * The contract that follows `contract` once its term has ended: renewed for the rule's months
 * from the old end (keeping how it is paid and its notice), or ended, the account going month to
 * month. A pure function of the contract: the period-end job calls it when `now` passes `end`.
 */
export function renewContract(contract: ContractTerm): ContractEnd {
  const renewal = contractRenewal(contract);
  if (renewal.mode === 'monthly') {
    return { outcome: 'ended', at: contract.end, contract: { kind: 'self-serve' } };
  }
  const next: ContractTerm = {
    ...contract,
    start: contract.end,
    end: addUtcMonths(contract.end, Math.max(1, Math.floor(renewal.months))),
  };
  if (renewal.afterwards === undefined) {
    if (contract.renewal === undefined) delete next.renewal;
  } else next.renewal = renewal.afterwards;
  return { outcome: 'renewed', at: contract.end, contract: next };
}

/** The outcome of a notice not to renew. */
export interface NoticeDecision {
  /** `in-time`: the contract ends with this term; `late`: it renews once more, then ends. */
  status: 'in-time' | 'late';
  /** When the contract ends and the account goes month to month. */
  endsAt: Instant;
  /** The contract to store, its renewal rule saying what was decided. */
  contract: ContractTerm;
}

/**
 * A notice not to renew given at `at`: before the deadline (`noticeDeadline`) the contract ends
 * with its current term, after it the contract renews once more and ends with that term.
 */
export function giveNotice(contract: ContractTerm, at: Instant): NoticeDecision {
  const renewal = contractRenewal(contract);
  if (renewal.mode === 'monthly') return { status: 'in-time', endsAt: contract.end, contract };
  if (Date.parse(at) <= Date.parse(noticeDeadline(contract))) {
    return {
      status: 'in-time',
      endsAt: contract.end,
      contract: { ...contract, renewal: { mode: 'monthly' } },
    };
  }
  const months = renewal.months;
  return {
    status: 'late',
    endsAt: addUtcMonths(contract.end, months),
    contract: { ...contract, renewal: { mode: 'renew', months, afterwards: { mode: 'monthly' } } },
  };
}

export { addUtcMonths };
