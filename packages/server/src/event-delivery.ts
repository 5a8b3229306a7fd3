import { Webhook } from 'standardwebhooks';
import type { EndpointDelivery, EventRecord, EventStatus } from './event-outbox';
import { randomId } from './random-id';
import type { RecordedSeatsEvent, SeatsEventType } from './seats-event';
import type { SeatsStore } from './seats-store';

/** An HTTPS endpoint that receives events signed as the Standard Webhooks specification says. */
export interface WebhookEndpoint {
  /** Names the endpoint in the delivery records (`jobs.events()`, `redeliver`): keep it stable. */
  id: string;
  url: string;
  /** The endpoint's signing secret, `whsec_` and base64 (Standard Webhooks). */
  secret: string;
  /** How long one attempt may take before it counts as failed. @default 10000 */
  timeoutMs?: number;
  /** Only events of these types; the others are never sent to it. @default every type */
  types?: readonly SeatsEventType[];
}

/** A function of the host's that receives every event at least once, in this or another process. */
export interface EventSubscriber {
  /** Names the subscriber in the delivery records: keep it stable. */
  id: string;
  /** Awaited; a throw (or a rejection) is a failed attempt, retried as a webhook's is. */
  onEvent: (event: RecordedSeatsEvent) => void | Promise<void>;
  /**
   * How long an attempt may take; one that has not settled by then failed, so that a hung
   * subscriber cannot stall delivery. @default 10000
   */
  timeoutMs?: number;
  /** Only events of these types; the others are never sent to it. @default every type */
  types?: readonly SeatsEventType[];
}

export interface EventDeliveryOptions {
  webhooks?: readonly WebhookEndpoint[];
  subscribers?: readonly EventSubscriber[];
  /** Attempts per endpoint before the event is dead for it. @default 12 */
  maxAttempts?: number;
  /**
   * How long to wait after the `attempt`-th failed attempt (1, 2, ...).
   * @default attempt => Math.min(10_000 * 2 ** (attempt - 1), 6 * 3_600_000)
   */
  retryDelayMs?: (attempt: number) => number;
  /** Events one `deliver()` claims. @default 50 */
  batchSize?: number;
  /** Events delivered at once within a run. @default 10 */
  concurrency?: number;
  /**
   * How long a run keeps the events it claimed; then another run may claim them again. Longer
   * than a batch takes. @default 300000
   */
  leaseMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** What one `deliver()` run did. */
export interface DeliveryReport {
  /** Events claimed. */
  claimed: number;
  /** Attempts made, over every endpoint. */
  attempts: number;
  /** Attempts that succeeded. */
  delivered: number;
  /** Attempts that failed and will be retried. */
  retrying: number;
  /** Attempts that failed for the last time: the event is dead for that endpoint. */
  dead: number;
}

export interface EventJobs {
  /**
   * Claims the events due (`FOR UPDATE SKIP LOCKED`, each for `leaseMs`) and delivers each to
   * every subscriber and webhook that lacks it, recording each attempt; a failure is retried
   * after `retryDelayMs`, up to `maxAttempts`. At least once: a run that dies leaves its events to
   * the next run after the lease. Every instance may run it at once.
   */
  deliver(): Promise<DeliveryReport>;
  /** An account's events with `after < seq <= through`, oldest first, with their delivery state. */
  events(input: {
    accountId: string;
    /** @default 0 */
    after?: number;
    through?: number;
    /** @default 100 */
    limit?: number;
  }): Promise<EventRecord[]>;
  /**
   * Delivers an account's events with `after < seq <= through` to one endpoint again, delivered
   * or dead before, on the next `deliver()`, with fresh attempts; answers how many.
   */
  redeliver(input: {
    accountId: string;
    endpoint: string;
    after?: number;
    through?: number;
  }): Promise<{ queued: number }>;
}

/** Thrown when deliveries are asked of jobs created without endpoints, or with two of one id. */
export class EventDeliveryConfigError extends Error {
  override name = 'EventDeliveryConfigError';
}

interface Endpoint {
  id: string;
  types: ReadonlySet<string> | null;
  send(event: RecordedSeatsEvent): Promise<void>;
}

const typesOf = (types: readonly SeatsEventType[] | undefined) =>
  types === undefined ? null : new Set<string>(types);

export const defaultRetryDelayMs = (attempt: number): number =>
  Math.min(10_000 * 2 ** (attempt - 1), 6 * 3_600_000);

function endpointsOf(options: EventDeliveryOptions): Endpoint[] {
  const send = options.fetch ?? globalThis.fetch;
  const endpoints: Endpoint[] = [
    ...(options.subscribers ?? []).map((subscriber) => ({
      id: subscriber.id,
      types: typesOf(subscriber.types),
      send: async (event: RecordedSeatsEvent) => {
        const timeoutMs = subscriber.timeoutMs ?? 10_000;
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
          await Promise.race([
            subscriber.onEvent(event),
            new Promise<never>((_, reject) => {
              timer = setTimeout(
                () => reject(new Error(`no answer within ${timeoutMs} ms`)),
                timeoutMs,
              );
            }),
          ]);
        } finally {
          clearTimeout(timer);
        }
      },
    })),
    ...(options.webhooks ?? []).map((webhook) => {
      const signer = new Webhook(webhook.secret);
      return {
        id: webhook.id,
        types: typesOf(webhook.types),
        send: async (event: RecordedSeatsEvent) => {
          // The payload shape Standard Webhooks recommends; `webhook-id` stays the event's id.
          const body = JSON.stringify({ type: event.type, timestamp: event.at, data: event });
          // Signed with the wall clock, which the receiver checks against its own.
          const sentAt = new Date();
          const response = await send(webhook.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'webhook-id': event.id,
              'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
              'webhook-signature': signer.sign(event.id, sentAt, body),
            },
            body,
            redirect: 'manual',
            signal: AbortSignal.timeout(webhook.timeoutMs ?? 10_000),
          });
          await response.body?.cancel();
          if (response.status < 200 || response.status > 299)
            throw new Error(`HTTP ${response.status}`);
        },
      };
    }),
  ];
  const seen = new Set<string>();
  for (const endpoint of endpoints) {
    if (seen.has(endpoint.id))
      throw new EventDeliveryConfigError(`Two event endpoints have the id "${endpoint.id}".`);
    seen.add(endpoint.id);
  }
  return endpoints;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}

/** The event jobs over a store: delivery, the log of an account's events, replay. */
export function createEventJobs(
  store: SeatsStore,
  options: EventDeliveryOptions | undefined,
  clock: () => Date,
): EventJobs {
  const endpoints = options === undefined ? [] : endpointsOf(options);
  if (options !== undefined && endpoints.length === 0)
    throw new EventDeliveryConfigError('`deliveries` names no webhooks and no subscribers.');
  const maxAttempts = options?.maxAttempts ?? 12;
  const retryDelayMs = options?.retryDelayMs ?? defaultRetryDelayMs;
  const batchSize = options?.batchSize ?? 50;
  const concurrency = options?.concurrency ?? 10;
  const leaseMs = options?.leaseMs ?? 300_000;

  function requireEndpoints(): void {
    if (endpoints.length === 0) {
      throw new EventDeliveryConfigError(
        'No event endpoints: pass `deliveries: { webhooks, subscribers }` to createSeatsJobs.',
      );
    }
  }

  async function deliverOne(
    record: EventRecord,
    claim: { id: string; until: number },
    report: DeliveryReport,
  ): Promise<void> {
    const now = clock();
    // Past its lease another run may hold the event: leave it to that run.
    if (now.getTime() >= claim.until) return;
    const attempted: EndpointDelivery[] = [];
    const open: EndpointDelivery[] = [];
    let anyDead = false;
    await Promise.all(
      endpoints.map(async (endpoint) => {
        if (endpoint.types !== null && !endpoint.types.has(record.event.type)) return;
        const before = record.deliveries.find((delivery) => delivery.endpoint === endpoint.id);
        if (before?.status === 'delivered') return;
        if (before?.status === 'dead') {
          anyDead = true;
          return;
        }
        if (before?.nextAttemptAt != null && Date.parse(before.nextAttemptAt) > now.getTime()) {
          open.push(before);
          return;
        }
        const attempts = (before?.attempts ?? 0) + 1;
        report.attempts += 1;
        let after: EndpointDelivery;
        try {
          await endpoint.send(record.event);
          report.delivered += 1;
          after = {
            endpoint: endpoint.id,
            status: 'delivered',
            attempts,
            lastAttemptAt: now.toISOString(),
            nextAttemptAt: null,
            lastError: null,
            deliveredAt: clock().toISOString(),
          };
        } catch (error) {
          const dead = attempts >= maxAttempts;
          report[dead ? 'dead' : 'retrying'] += 1;
          after = {
            endpoint: endpoint.id,
            status: dead ? 'dead' : 'retrying',
            attempts,
            lastAttemptAt: now.toISOString(),
            nextAttemptAt: dead
              ? null
              : new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
            lastError: messageOf(error),
            deliveredAt: null,
          };
          if (dead) anyDead = true;
          else open.push(after);
        }
        attempted.push(after);
      }),
    );
    const due = open.map((delivery) => Date.parse(delivery.nextAttemptAt as string));
    const status: EventStatus = open.length > 0 ? 'pending' : anyDead ? 'dead' : 'delivered';
    await store.outbox.record({
      accountId: record.event.accountId,
      seq: record.event.seq,
      claim: claim.id,
      status,
      nextAttemptAt: new Date(due.length > 0 ? Math.min(...due) : now.getTime()).toISOString(),
      deliveries: attempted,
    });
  }

  return {
    async deliver() {
      requireEndpoints();
      const now = clock();
      const claim = { id: randomId('dlv'), until: now.getTime() + leaseMs };
      const claimed = await store.outbox.claim({
        now: now.toISOString(),
        leaseUntil: new Date(claim.until).toISOString(),
        claim: claim.id,
        limit: batchSize,
      });
      const report: DeliveryReport = {
        claimed: claimed.length,
        attempts: 0,
        delivered: 0,
        retrying: 0,
        dead: 0,
      };
      await eachLimited(claimed, concurrency, (record) => deliverOne(record, claim, report));
      return report;
    },
    events({ accountId, after = 0, through, limit = 100 }) {
      return store.outbox.list({ accountId, after, through: through ?? null, limit });
    },
    async redeliver({ accountId, endpoint, after = 0, through }) {
      requireEndpoints();
      if (!endpoints.some((candidate) => candidate.id === endpoint))
        throw new EventDeliveryConfigError(`No event endpoint has the id "${endpoint}".`);
      const queued = await store.outbox.requeue({
        accountId,
        endpoint,
        after,
        through: through ?? null,
      });
      return { queued };
    },
  };
}

export interface DeliveryLoopOptions {
  /** Pause between runs when the last found nothing more to do. @default 1000 */
  intervalMs?: number;
  /** Stops the loop. */
  signal?: AbortSignal;
}

/** A loop that runs `jobs.deliver()` now and then, and at once when woken (after a commit). */
export interface DeliveryLoop {
  wake(): void;
}

/**
 * Runs `jobs.deliver()` every `intervalMs`, and again at once while runs find full batches. The
 * timer does not keep a Node process alive.
 */
export function runEventDeliveries(
  jobs: Pick<EventJobs, 'deliver'>,
  options: DeliveryLoopOptions & { batchSize?: number } = {},
): DeliveryLoop {
  const intervalMs = options.intervalMs ?? 1_000;
  const batchSize = options.batchSize ?? 50;
  const { signal } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;

  const schedule = () => {
    if (signal?.aborted) return;
    timer = setTimeout(run, intervalMs);
    (timer as { unref?: () => void }).unref?.();
  };
  async function run(): Promise<void> {
    if (signal?.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    try {
      let report: DeliveryReport;
      do {
        again = false;
        report = await jobs.deliver();
      } while ((again || report.claimed >= batchSize) && !signal?.aborted);
    } catch (error) {
      console.warn(`[seats] event delivery failed: ${messageOf(error)}`);
    } finally {
      running = false;
      schedule();
    }
  }
  signal?.addEventListener('abort', () => clearTimeout(timer), { once: true });
  schedule();
  return {
    wake() {
      void run();
    },
  };
}
