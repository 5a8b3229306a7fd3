import type { MemberChangeDecision } from '@seats/core';
import type { Change, ErrorCode, MemberList, Summary } from '@seats/core/contract';
import { expectTypeOf, test } from 'vitest';
import {
  createSeatsClient,
  isSeatsApiError,
  type NoLicenceAvailableError,
  type SeatsApiError,
} from './index';

const client = createSeatsClient({ baseUrl: '/api/seats' });

test('methods return the contract types', () => {
  expectTypeOf(client.getSummary()).resolves.toEqualTypeOf<Summary>();
  expectTypeOf(client.listMembers({ consuming: true })).resolves.toEqualTypeOf<MemberList>();
  expectTypeOf(client.commitChange({ quoteId: 'q' })).resolves.toEqualTypeOf<Change>();
  expectTypeOf(client.prepareCommit({ quoteId: 'q' }).send()).resolves.toEqualTypeOf<Change>();
  expectTypeOf(client.deleteMember('m')).resolves.toBeVoid();
});

test('a quote request is a delta or a total, never both', () => {
  client.createQuote({ poolId: 'users', delta: 2 });
  client.createQuote({ poolId: 'users', total: 12 });
  // @ts-expect-error a quote needs a delta or a total
  client.createQuote({ poolId: 'users' });
});

test('the guard narrows to the code asked for', () => {
  const error: unknown = new Error();
  if (isSeatsApiError(error, 'stale_version')) {
    expectTypeOf(error.code).toEqualTypeOf<'stale_version'>();
  }
  if (isSeatsApiError(error)) {
    expectTypeOf(error).toMatchTypeOf<SeatsApiError>();
    expectTypeOf<ErrorCode>().toMatchTypeOf<typeof error.code>();
  }
  // @ts-expect-error not a code of the contract
  isSeatsApiError(error, 'teapot');
});

test('a missing licence carries the core decision', () => {
  expectTypeOf<NoLicenceAvailableError['decision']>().toEqualTypeOf<Extract<
    MemberChangeDecision,
    { outcome: 'needs-licence' }
  > | null>();
});
