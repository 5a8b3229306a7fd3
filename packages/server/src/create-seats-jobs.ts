import {
  type BillingProvider,
  BillingRequiredError,
  type BillingResult,
  developmentAllowed,
} from './billing-provider';
import { createDevBilling } from './dev-billing';
import { randomId } from './random-id';
import type { SeatsEvent } from './seats-event';
import type { SeatsStore } from './seats-store';
import { recordCharge, type SettledCharge, settleCharge } from './settle-charge';
import { writeWithEvents } from './write-with-events';

export interface SeatsJobsOptions {
  store: SeatsStore;
  /** Required outside `NODE_ENV` development and test. @default createDevBilling() in development */
  billing?: BillingProvider;
  /** Called after each committed write, as the handler's `onEvent`. */
  onEvent?: (event: SeatsEvent) => void;
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

/** A provider's later confirmation of a pending charge (its webhook, an invoice paid). */
export interface SettleInput {
  accountId: string;
  changeId: string;
  result: Exclude<BillingResult, { status: 'pending' }>;
}

export interface SeatsJobs {
  /**
   * Settles the changes a crash, a lost connection or an unreachable provider left `charging`: the
   * provider is asked again with the change's id as idempotency key, so it answers what it did the
   * first time (charged, or declined), and the change is applied or undone to match. Run it at
   * start-up (the handler does) and on a schedule.
   */
  recover(options?: RecoverOptions): Promise<RecoveryReport>;
  /** Records the outcome of a charge the provider answered `pending`: applied, or undone. */
  settle(input: SettleInput): Promise<SettledCharge>;
}

/** The work the kit does outside requests: recovery of interrupted charges. */
export function createSeatsJobs(options: SeatsJobsOptions): SeatsJobs {
  const { store } = options;
  if (options.billing === undefined && !developmentAllowed())
    throw new BillingRequiredError('createSeatsJobs');
  const billing = options.billing ?? createDevBilling();
  const clock = options.clock ?? (() => new Date());
  const write = writeWithEvents(store, (events) => {
    if (options.onEvent === undefined) return;
    for (const event of events) options.onEvent(event);
  });
  return {
    async recover({ staleAfterMs = 60_000, limit = 100 } = {}) {
      const now = clock();
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
    },
    settle({ accountId, changeId, result }) {
      return recordCharge({ write }, { accountId, id: changeId }, result, {
        accountId,
        now: clock().toISOString(),
        requestId: randomId('job'),
      });
    },
  };
}
