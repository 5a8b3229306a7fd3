import { describe, expect, it } from 'vitest';
import {
  type ContractTerm,
  contractRenewal,
  giveNotice,
  noticeDeadline,
  renewContract,
  termMonths,
} from './index';

const annual: ContractTerm = {
  kind: 'contracted',
  start: '2026-01-01T00:00:00.000Z',
  end: '2027-01-01T00:00:00.000Z',
  payment: 'upfront',
  noticeDays: 30,
};

describe('renewContract', () => {
  it('renews a contract without a rule for a term as long as the one ending', () => {
    expect(contractRenewal(annual)).toEqual({ mode: 'renew', months: 12 });
    expect(renewContract(annual)).toEqual({
      outcome: 'renewed',
      at: '2027-01-01T00:00:00.000Z',
      contract: { ...annual, start: '2027-01-01T00:00:00.000Z', end: '2028-01-01T00:00:00.000Z' },
    });
  });

  it('renews for the number of months the rule says, keeping payment and notice', () => {
    const renewed = renewContract({ ...annual, renewal: { mode: 'renew', months: 24 } });
    expect(renewed).toMatchObject({
      outcome: 'renewed',
      contract: {
        start: '2027-01-01T00:00:00.000Z',
        end: '2029-01-01T00:00:00.000Z',
        payment: 'upfront',
        noticeDays: 30,
        renewal: { mode: 'renew', months: 24 },
      },
    });
  });

  it('ends a contract that falls back to monthly, the account going self-serve', () => {
    expect(renewContract({ ...annual, renewal: { mode: 'monthly' } })).toEqual({
      outcome: 'ended',
      at: '2027-01-01T00:00:00.000Z',
      contract: { kind: 'self-serve' },
    });
  });

  it('keeps the day of the month when a term ends on a month-end', () => {
    const quarter: ContractTerm = {
      kind: 'contracted',
      start: '2026-08-31T00:00:00.000Z',
      end: '2026-11-30T00:00:00.000Z',
      renewal: { mode: 'renew', months: 3 },
    };
    expect(renewContract(quarter).contract).toMatchObject({ end: '2027-02-28T00:00:00.000Z' });
    expect(termMonths('2026-01-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z')).toBe(1);
  });
});

describe('giveNotice', () => {
  it('ends the contract with this term when notice comes before the deadline', () => {
    expect(noticeDeadline(annual)).toBe('2026-12-02T00:00:00.000Z');
    const notice = giveNotice(annual, '2026-11-15T12:00:00.000Z');
    expect(notice).toEqual({
      status: 'in-time',
      endsAt: '2027-01-01T00:00:00.000Z',
      contract: { ...annual, renewal: { mode: 'monthly' } },
    });
    expect(renewContract(notice.contract).outcome).toBe('ended');
  });

  it('renews once more and then ends when notice comes after the deadline', () => {
    const notice = giveNotice(annual, '2026-12-20T00:00:00.000Z');
    expect(notice).toMatchObject({ status: 'late', endsAt: '2028-01-01T00:00:00.000Z' });
    const renewed = renewContract(notice.contract);
    if (renewed.outcome !== 'renewed') throw new Error(renewed.outcome);
    expect(renewed.contract.end).toBe('2028-01-01T00:00:00.000Z');
    expect(renewContract(renewed.contract)).toMatchObject({
      outcome: 'ended',
      at: '2028-01-01T00:00:00.000Z',
    });
  });
});
