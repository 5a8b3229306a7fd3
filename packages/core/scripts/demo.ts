/** Plays a short scenario of each preset and prints what the policy decides. */
import {
  type Account,
  countConsumingMembers,
  decideMemberChange,
  describeUsage,
  explainPlanIssue,
  type Pool,
  planAllowanceChange,
  presets,
} from '../src/index';

const now = '2026-11-16T12:00:00.000Z';
const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 100);

for (const [name, policy] of Object.entries(presets)) {
  const account: Account = {
    id: 'acct',
    name: 'Demo',
    plan: 'Team',
    currency: 'EUR',
    billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
    contract: { kind: 'self-serve' },
  };
  const pool: Pool = {
    id: 'seats',
    name: 'Users',
    term: 'monthly',
    purchased: 10,
    scheduledRemoval: 0,
    pendingSignature: 0,
    unitPrice: 3000,
  };
  const admin = policy.permissions.changeAllowance[0] ?? 'owner';
  const status = policy.consumingStatuses[0] ?? 'active';
  const role =
    policy.roles.find((candidate) => !policy.nonConsumingRoles.includes(candidate)) ?? admin;
  const members = Array.from({ length: 10 }, () => ({ status, role, poolId: 'seats' }));
  const usage = describeUsage({
    account,
    pools: [pool],
    usedByPool: countConsumingMembers(members, policy),
    policy,
    viewerRole: admin,
  });

  console.log(`\n== ${name}`);
  console.log(
    `  ${usage.used} of ${usage.purchased} licences used, ${usage.available} available (${usage.state})`,
  );
  const add = decideMemberChange({
    policy,
    usage,
    before: null,
    after: { status, role, poolId: 'seats' },
  });
  if (add.outcome === 'needs-licence') {
    console.log(
      `  adding a user: no licence free; remedies: ${add.remedies.map((remedy) => remedy.kind).join(', ') || 'none (blocked)'}`,
    );
  }
  const request =
    policy.changeInput === 'delta' ? { poolId: 'seats', delta: 2 } : { poolId: 'seats', total: 12 };
  const plan = planAllowanceChange({
    account,
    pool,
    used: usage.used,
    policy,
    viewerRole: admin,
    request,
    now,
  });
  if (plan.status === 'planned') {
    const { from, to, dueNow, nextInvoiceChange, confirmations, result } = plan.plan;
    console.log(
      `  ${'delta' in request ? `+${request.delta}` : `total ${request.total}`}: ${from} -> ${to}, due now ${money(dueNow.amount, dueNow.currency)}, next invoice ${money(nextInvoiceChange.amount, nextInvoiceChange.currency)}, confirm: ${confirmations.join(', ') || 'review'}, ${result}`,
    );
  }
  const decrease =
    policy.changeInput === 'delta' ? { poolId: 'seats', delta: -1 } : { poolId: 'seats', total: 9 };
  const refused = planAllowanceChange({
    account,
    pool,
    used: 8,
    policy,
    viewerRole: admin,
    request: decrease,
    now,
  });
  if (refused.status === 'invalid')
    console.log(`  removing one: ${refused.issues.map(explainPlanIssue).join(' ')}`);
  else if (refused.status === 'planned')
    console.log(`  removing one: ${refused.plan.result}, effective ${refused.plan.effectiveAt}`);
}
