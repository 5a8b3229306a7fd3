import { signatureExpiresAt } from '@seats/core';
import { advanceStoredAccount } from './advance-stored-account';
import { allowanceEvent } from './allowance-event';
import {
  type Billing,
  type BillingLine,
  type BillingRequest,
  BillingRequiredError,
  type BillingResult,
  billingModeOf,
  developmentAllowed,
  isSubscriptionBilling,
  type SubscriptionBillingProvider,
} from './billing-provider';
import { withdrawSignature } from './cancel-removal-route';
import { createDevBilling } from './dev-billing';
import { createEventJobs, type EventDeliveryOptions, type EventJobs } from './event-delivery';
import { randomId } from './random-id';
import type { RecordedSeatsEvent, SeatsEvent } from './seats-event';
import type { PruneCounts, SeatsStore, StoredPeriodEnd } from './seats-store';
import { recordCharge, type SettledCharge, settleCharge } from './settle-charge';
import { changeToWire } from './wire';
import { notifyListener, type WriteWithEvents, writeWithEvents } from './write-with-events';

export interface SeatsJobsOptions {
  store: SeatsStore;
  /** Required outside `NODE_ENV` development and test. @default createDevBilling() in development */
  billing?: Billing;
  /** Called after each committed write, as the handler's `onEvent`. */
  onEvent?: (event: RecordedSeatsEvent) => void;
  /** The subscribers and webhooks `deliver()` delivers the outbox's events to, and how. */
  deliveries?: EventDeliveryOptions;
  /** @default () => new Date() */
  clock?: () => Date;
}

export interface RecoverOptions {
  /**
   * How long a change must have been `charging` before recovery settles it, so that a request
   * still waiting for the provider on another instance is left to finish. @default 60000
   */
  staleAfterMs?: number;
  /** The most changes settled in one run. @default 100 */
  limit?: number;
}

/** What one recovery run did. */
export interface RecoveryReport {
  /** Changes found `charging` for longer than `staleAfterMs`. */
  found: number;
  /** Charged and applied. */
  applied: number;
  /** Declined: their reserved licences released. */
  failed: number;
  /** The provider will confirm later: left `charging` until `settle()`. */
  pending: number;
  /** The provider could not be asked; left `charging` for the next run. */
  unsettled: number;
}

export interface TickOptions {
  /** The time to advance to. @default the jobs' clock */
  now?: Date;
  /** How long quotes (after they expire) and idempotency records are kept. @default 30 days */
  retentionMs?: number;
  /** The most accounts advanced in one run; the next run takes the rest. @default 1000 */
  limit?: number;
  /**
   * How long a period charge (or a change) must have been with the provider before a run asks
   * again, so that a run still waiting on another instance is left to finish. @default 60000
   */
  staleAfterMs?: number;
  /**
   * On PGlite, which has no autovacuum, how often the runs of one process refresh the planner's
   * statistics of the Seats tables (`analyzeStore`), as stale statistics turn member pages into
   * scans when accounts grow. The first run of a process always does, so `seats tick` from cron
   * does at every run. PostgreSQL's autovacuum does it there. @default 3600000 (an hour)
   */
  analyzeEveryMs?: number;
}

/** What one run of `tick()` did. */
export interface TickReport {
  now: string;
  /** Accounts rolled forward by this run. */
  accountsAdvanced: number;
  /** Accounts whose licences another transaction held (a request, another instance): left for the next run. */
  accountsBusy: number;
  /** Period ends recorded by this run (an account idle for three periods counts three). */
  periodsRolled: number;
  removalsApplied: number;
  /** Purchases waiting for a signature cancelled at a period end or past the policy's TTL. */
  signaturesExpired: number;
  contractsRenewed: number;
  contractsEnded: number;
  /** Recurring charges of rolled periods (by this run, an earlier one or a read) by outcome. */
  charges: { charged: number; pending: number; failed: number; unsettled: number };
  /** The amount charged by this run, per currency, in minor units. */
  charged: Record<string, number>;
  /**
   * In the subscription-quantity mode, which charges nothing: the pools' quantities handed to the
   * provider for the periods that began.
   */
  quantitiesSet: number;
  /** Interrupted purchases settled (`recover()`). */
  recovered: RecoveryReport;
  pruned: PruneCounts;
  /** Whether this run refreshed the planner's statistics (on PGlite, `analyzeEveryMs`). */
  analyzed: boolean;
  /** Whether `limit` accounts were due: run again to take the rest. */
  more: boolean;
}

/** A provider's later confirmation of a pending charge (its webhook, an invoice paid). */
export interface SettleInput {
  accountId: string;
  changeId: string;
  result: Exclude<BillingResult, { status: 'pending' }>;
}

export interface SeatsJobs extends EventJobs {
  /**
   * Settles the changes a crash, a lost connection or an unreachable provider left `charging`: the
   * provider is asked again with the change's id as idempotency key, so it answers what it did the
   * first time (charged, or declined), and the change is applied or undone to match. Run it at
   * start-up (the handler does) and on a schedule.
   */
  recover(options?: RecoverOptions): Promise<RecoveryReport>;
  /** Records the outcome of a charge the provider answered `pending`: applied, or undone. */
  settle(input: SettleInput): Promise<SettledCharge>;
  /**
   * The period-end job; run it from cron every few minutes (`seats tick`), on any number of
   * instances at once. It rolls every account whose billing period ended (scheduled removals
   * applied, purchases still waiting for a signature cancelled, contracts renewed or ended, the
   * recurring charges of each new period recorded, once per account and period), then takes
   * those charges through the provider outside any lock, keyed by account and period start, so a
   * repeated or concurrent run never charges twice; it also expires signatures past the policy's
   * TTL, settles interrupted purchases (`recover()`) and prunes quotes and idempotency records
   * past their retention.
   *
   * Accounts and charges are claimed with `FOR UPDATE SKIP LOCKED`: a run skips what another run
   * (or a request) holds instead of waiting. A job queue such as pg-boss or graphile-worker would
   * need a PostgreSQL server (LISTEN/NOTIFY, several connections) and does not run on PGlite, the
   * kit's default store; these few statements run on both.
   */
  tick(options?: TickOptions): Promise<TickReport>;
  /**
   * Records the provider's later confirmation of a period charge it answered `pending` (its
   * webhook, an invoice paid): `charged` or `failed`, with its event. `null` when the period has
   * no charge waiting (unknown, or recorded already).
   */
  settlePeriod(input: SettlePeriodInput): Promise<StoredPeriodEnd | null>;
}

/** A provider's later answer for a period charge, named by account and period start. */
export interface SettlePeriodInput {
  accountId: string;
  periodStart: string;
  result: Exclude<BillingResult, { status: 'pending' }>;
}

/** Core's default time a purchase waits for its signature (`signatureExpiresAt`). */
const defaultSignatureTtlSeconds = 7 * 24 * 3_600;
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** The provider's request for a period's recurring charge. */
export function periodChargeRequest(periodEnd: StoredPeriodEnd): BillingRequest {
  const key = `period_${periodEnd.accountId}_${periodEnd.period.start}`;
  const lines: BillingLine[] = periodEnd.charges
    .filter((charge) => charge.amount > 0)
    .map((charge) => ({
      poolId: charge.poolId,
      kind: 'recurring-charge',
      quantity: charge.quantity,
      unitPrice: charge.unitPrice,
      amount: charge.amount,
      fraction: null,
      period: { from: periodEnd.period.start, until: periodEnd.period.end },
    }));
  return {
    accountId: periodEnd.accountId,
    changeId: key,
    idempotencyKey: key,
    amount: periodEnd.amount,
    lines,
    recurring: [],
    description: `Licences from ${periodEnd.period.start.slice(0, 10)} to ${periodEnd.period.end.slice(0, 10)}`,
  };
}

/**
 * Tells the provider holding the subscription each pool's quantity for a period that began: the
 * licences the pool holds now, read under the account's lock when the hand-over runs rather than
 * when the period rolled, so a change applied since is never undone. A pool with a change still
 * with the provider defers the whole hand-over (`null`): the claim goes stale and a later run
 * hands over once that change is settled. Keys name the quantity, so a retry with the same
 * quantity is one update and a newer quantity is another.
 */
async function handOverPeriod(
  billing: SubscriptionBillingProvider,
  write: WriteWithEvents,
  periodEnd: StoredPeriodEnd,
): Promise<BillingResult | null> {
  const key = `period_${periodEnd.accountId}_${periodEnd.period.start}`;
  const poolIds = periodEnd.charges.map((charge) => charge.poolId);
  const quantities = await write(async (tx) => {
    const state = await tx.lockAccount(periodEnd.accountId);
    if (state === null) return [];
    const now: { poolId: string; quantity: number }[] = [];
    for (const poolId of poolIds) {
      if ((await tx.chargingChangeOf(periodEnd.accountId, poolId)) !== null) return null;
      const pool = state.pools.find((candidate) => candidate.id === poolId);
      if (pool !== undefined) now.push({ poolId, quantity: pool.purchased });
    }
    return now;
  });
  if (quantities === null) return null;
  const references: string[] = [];
  let pending = false;
  for (const { poolId, quantity } of quantities) {
    const result = await billing.setQuantity({
      accountId: periodEnd.accountId,
      poolId,
      changeId: key,
      idempotencyKey: `${key}_${poolId}_${quantity}`,
      quantity,
      prorationBehavior: 'none',
      prorationDate: null,
      now: periodEnd.period.start,
    });
    if (result.status === 'declined') return result;
    if (result.status === 'pending') pending = true;
    references.push(result.reference);
  }
  const reference = references.join(' ') || key;
  return pending ? { status: 'pending', reference } : { status: 'succeeded', reference };
}

/** The work the kit does outside requests: recovery of interrupted charges. */
export function createSeatsJobs(options: SeatsJobsOptions): SeatsJobs {
  const { store } = options;
  if (options.billing === undefined && !developmentAllowed())
    throw new BillingRequiredError('createSeatsJobs');
  const billing = options.billing ?? createDevBilling();
  const clock = options.clock ?? (() => new Date());
  const write = writeWithEvents(store, (events) => notifyListener(options.onEvent, events));
  let analyzedAt: number | null = null;
  async function recover(
    { staleAfterMs = 60_000, limit = 100 }: RecoverOptions = {},
    now = clock(),
  ): Promise<RecoveryReport> {
    const startedBefore = new Date(now.getTime() - staleAfterMs).toISOString();
    const changes = await store.chargingChanges(startedBefore, limit);
    const report: RecoveryReport = {
      found: changes.length,
      applied: 0,
      failed: 0,
      pending: 0,
      unsettled: 0,
    };
    for (const change of changes) {
      const settled = await settleCharge({ billing, write }, change, {
        accountId: change.accountId,
        now: now.toISOString(),
        requestId: randomId('job'),
      });
      report[settled.outcome] += 1;
    }
    return report;
  }

  /** Records the provider's answer for a period charge, once; `null` when it was recorded already. */
  function recordPeriod(
    periodEnd: Pick<StoredPeriodEnd, 'accountId' | 'period'>,
    result: BillingResult,
    now: string,
    requestId: string,
  ): Promise<StoredPeriodEnd | null> {
    const status =
      result.status === 'succeeded'
        ? 'charged'
        : result.status === 'pending'
          ? 'pending'
          : 'failed';
    return write(async (tx, events) => {
      const row = await tx.recordPeriodCharge(periodEnd.accountId, periodEnd.period.start, {
        status,
        chargeId: result.status === 'declined' ? null : result.reference,
        failureReason: result.status === 'declined' ? result.reason : null,
        at: now,
      });
      // In the subscription-quantity mode the provider invoices: the kit took no money.
      if (row === null || status === 'pending' || isSubscriptionBilling(billing)) return row;
      events.push({
        type: status === 'charged' ? 'period.charged' : 'period.charge_failed',
        accountId: row.accountId,
        at: now,
        requestId,
        period: row.period,
        amount: row.amount,
        chargeId: row.chargeId,
        reason: row.failureReason,
      });
      return row;
    });
  }

  async function chargePeriods(now: string, staleBefore: string, report: TickReport) {
    const requestId = randomId('job');
    for (;;) {
      // One at a time: a claim is stale after `staleAfterMs`, so rows claimed in a batch and still
      // waiting behind slow provider calls could be claimed again by another instance.
      const claimed = await store.claimPeriodCharges(now, staleBefore, 1);
      if (claimed.length === 0) return;
      for (const periodEnd of claimed) {
        let result: BillingResult | null;
        try {
          result = isSubscriptionBilling(billing)
            ? await handOverPeriod(billing, write, periodEnd)
            : await billing.charge(periodChargeRequest(periodEnd));
        } catch (error) {
          console.warn(
            `[seats] billing provider failed for the period of ${periodEnd.accountId} from ${periodEnd.period.start}: ${error instanceof Error ? error.message : String(error)}`,
          );
          report.charges.unsettled += 1;
          continue;
        }
        if (result === null) {
          // Deferred behind a change still with the provider; a later run hands it over.
          report.charges.unsettled += 1;
          continue;
        }
        const recorded = await recordPeriod(periodEnd, result, now, requestId);
        if (isSubscriptionBilling(billing)) {
          if (recorded?.chargeStatus === 'charged')
            report.quantitiesSet += periodEnd.charges.length;
          continue;
        }
        const status = recorded?.chargeStatus;
        if (status !== 'charged' && status !== 'pending' && status !== 'failed') continue;
        report.charges[status] += 1;
        if (status === 'charged') {
          const { currency, amount } = periodEnd.amount;
          report.charged[currency] = (report.charged[currency] ?? 0) + amount;
        }
      }
    }
  }

  async function expireSignatures(now: string): Promise<number> {
    let expired = 0;
    const requestId = randomId('job');
    for (;;) {
      const found = await store.expiredSignatures(now, defaultSignatureTtlSeconds, 100);
      let progressed = false;
      for (const { change, policy } of found) {
        if (Date.parse(now) < Date.parse(signatureExpiresAt(policy, change.createdAt))) continue;
        const done = await write(async (tx, events) => {
          const state = await tx.lockAccount(change.accountId);
          const pending = await tx.getChange(change.accountId, change.id);
          if (state === null || pending === null || pending.status !== 'pending-signature')
            return false;
          const pool = state.pools.find((candidate) => candidate.id === pending.poolId);
          if (pool !== undefined)
            await tx.savePool(change.accountId, withdrawSignature(pool, pending.plan));
          await tx.bumpVersion(change.accountId);
          const cancelled = await tx.updateChange(change.accountId, change.id, {
            status: 'cancelled',
            cancelledAt: now,
          });
          const event = allowanceEvent(
            { accountId: change.accountId, now, requestId },
            changeToWire(cancelled),
          ) as Extract<SeatsEvent, { changeId: string }>;
          events.push({ ...event, type: 'allowance.signature_expired' });
          return true;
        });
        if (done) {
          expired += 1;
          progressed = true;
        }
      }
      if (!progressed || found.length < 100) return expired;
    }
  }

  return {
    ...createEventJobs(store, options.deliveries, clock),
    recover: (recoverOptions) => recover(recoverOptions),
    settlePeriod({ accountId, periodStart, result }) {
      return recordPeriod(
        { accountId, period: { start: periodStart, end: periodStart } },
        result,
        clock().toISOString(),
        randomId('job'),
      );
    },
    settle({ accountId, changeId, result }) {
      return recordCharge({ write }, { accountId, id: changeId }, result, {
        accountId,
        now: clock().toISOString(),
        requestId: randomId('job'),
      });
    },
    async tick({
      now: at,
      retentionMs = 30 * dayMs,
      limit = 1_000,
      staleAfterMs = 60_000,
      analyzeEveryMs = hourMs,
    }: TickOptions = {}) {
      const instant = at ?? clock();
      const now = instant.toISOString();
      const staleBefore = new Date(instant.getTime() - staleAfterMs).toISOString();
      const report: TickReport = {
        now,
        accountsAdvanced: 0,
        accountsBusy: 0,
        periodsRolled: 0,
        removalsApplied: 0,
        signaturesExpired: 0,
        contractsRenewed: 0,
        contractsEnded: 0,
        charges: { charged: 0, pending: 0, failed: 0, unsettled: 0 },
        charged: {},
        quantitiesSet: 0,
        recovered: { found: 0, applied: 0, failed: 0, pending: 0, unsettled: 0 },
        pruned: { quotes: 0, idempotencyKeys: 0, events: 0 },
        analyzed: false,
        more: false,
      };
      const due = await store.accountsDue(now, limit);
      report.more = due.length === limit;
      const requestId = randomId('job');
      // Each run starts at its own place in the list, so that runs at once take different accounts
      // rather than queue behind one another.
      const first = Math.floor(Math.random() * due.length);
      for (const accountId of [...due.slice(first), ...due.slice(0, first)]) {
        const outcome = await advanceStoredAccount(
          write,
          { accountId, now, requestId },
          { skipLocked: true, mode: billingModeOf(billing) },
        );
        if (outcome.status === 'busy') report.accountsBusy += 1;
        if (outcome.status !== 'advanced') continue;
        report.accountsAdvanced += 1;
        report.periodsRolled += outcome.periodEnds.length;
        report.removalsApplied += outcome.applied;
        report.signaturesExpired += outcome.cancelled;
        for (const end of outcome.periodEnds) {
          if (end.contractOutcome === 'renewed') report.contractsRenewed += 1;
          if (end.contractOutcome === 'ended') report.contractsEnded += 1;
        }
      }
      report.signaturesExpired += await expireSignatures(now);
      await chargePeriods(now, staleBefore, report);
      report.recovered = await recover({ staleAfterMs }, instant);
      report.pruned = await store.prune(new Date(instant.getTime() - retentionMs).toISOString());
      const analyzeDue = analyzedAt === null || instant.getTime() - analyzedAt >= analyzeEveryMs;
      if (store.driver === 'pglite' && analyzeDue) {
        // The run's work is done and committed: a failure here is reported, not thrown.
        try {
          await store.analyze();
          analyzedAt = instant.getTime();
          report.analyzed = true;
        } catch (error) {
          console.warn(
            `[seats] refreshing the statistics failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      return report;
    },
  };
}
