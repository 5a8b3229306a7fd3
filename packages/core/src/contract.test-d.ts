import { expectTypeOf, test } from 'vitest';
import type * as z from 'zod/mini';
import type {
  AccountUsageSchema,
  AllowancePlanSchema,
  NeedsLicenceSchema,
  PlanIssueSchema,
  QuoteRequest,
  QuoteRequestSchema,
  SeatPolicySchema,
} from './contract';
import type {
  AccountUsage,
  AllowancePlan,
  AllowanceRequest,
  MemberChangeDecision,
  PlanIssue,
  SeatPolicy,
} from './index';

test('the wire types are the domain types', () => {
  expectTypeOf<z.output<typeof AccountUsageSchema>>().toEqualTypeOf<AccountUsage>();
  expectTypeOf<z.output<typeof AllowancePlanSchema>>().toEqualTypeOf<AllowancePlan>();
  expectTypeOf<z.output<typeof PlanIssueSchema>>().toEqualTypeOf<PlanIssue>();
  expectTypeOf<z.output<typeof SeatPolicySchema>>().toEqualTypeOf<SeatPolicy>();
  expectTypeOf<z.output<typeof NeedsLicenceSchema>>().toEqualTypeOf<
    Extract<MemberChangeDecision, { outcome: 'needs-licence' }>
  >();
});

test('a quote request is an allowance request', () => {
  expectTypeOf<QuoteRequest>().toEqualTypeOf<z.output<typeof QuoteRequestSchema>>();
  expectTypeOf<QuoteRequest>().toExtend<AllowanceRequest>();
  expectTypeOf<AllowanceRequest>().toExtend<QuoteRequest>();
});
