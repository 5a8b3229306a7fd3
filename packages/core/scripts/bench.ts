/** Prints how long describing a pool of 1,000,000 members and planning 10,000 changes take, and how they grow. */
import {
  type Account,
  countConsumingMembers,
  describeUsage,
  type MemberAssignment,
  type Pool,
  planAllowanceChange,
  totalWithTermsNoSelfDecrease as policy,
} from '../src/index';

const account: Account = {
  id: 'bench',
  name: 'Bench',
  plan: 'Scale',
  currency: 'USD',
  billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
  contract: { kind: 'self-serve' },
};
const statuses = policy.statuses;

function members(count: number): MemberAssignment[] {
  return Array.from({ length: count }, (_, index) => ({
    status: statuses[index % statuses.length] ?? 'Active',
    role: 'Standard User',
    poolId: 'users',
  }));
}

function best(runs: number, work: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

console.log('@seats/core');
for (const size of [250_000, 500_000, 1_000_000]) {
  const list = members(size);
  const pool: Pool = {
    id: 'users',
    name: 'Users',
    term: 'monthly',
    purchased: size,
    scheduledRemoval: 0,
    pendingSignature: 0,
    unitPrice: 1500,
  };
  const ms = best(5, () => {
    const usedByPool = countConsumingMembers(list, policy);
    describeUsage({ account, pools: [pool], usedByPool, policy, viewerRole: 'System Admin' });
  });
  console.log(
    `  describe a pool of ${size.toLocaleString('en')} members: ${ms.toFixed(1)} ms (${((ms / size) * 1e6).toFixed(1)} ns/member)`,
  );
}

const pool: Pool = {
  id: 'users',
  name: 'Users',
  term: 'monthly',
  purchased: 50,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 1500,
};
for (const count of [2_500, 5_000, 10_000]) {
  const ms = best(5, () => {
    for (let index = 0; index < count; index++) {
      planAllowanceChange({
        account,
        pool,
        used: 40,
        policy,
        viewerRole: 'System Admin',
        request: { poolId: 'users', total: 51 + (index % 100) },
        now: '2026-11-16T08:30:00.000Z',
      });
    }
  });
  console.log(
    `  plan ${count.toLocaleString('en')} changes: ${ms.toFixed(1)} ms (${((ms / count) * 1e3).toFixed(2)} µs/plan)`,
  );
}
