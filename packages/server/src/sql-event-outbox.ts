import type { EndpointDelivery, EventOutbox, EventRecord, EventStatus } from './event-outbox';
import { randomId } from './random-id';
import type { RecordedSeatsEvent, SeatsEvent } from './seats-event';
import type { SqlExecutor } from './sql-executor';

type Row = Record<string, unknown>;

/** Events with their public ids, as a JSON parameter for `insertEventsSql`. */
export function eventsWithIds(events: readonly SeatsEvent[]): (SeatsEvent & { id: string })[] {
  return events.map((event) => ({ ...event, id: randomId('evt') }));
}

/**
 * The INSERT of the events in the JSON array parameter `param`, in their order, when `gate` holds:
 * a statement, or the body of a CTE in the statement of the write the events report.
 */
export function insertEventsSql(param: string, gate = 'true'): string {
  // Fresh events are due at once whatever the clocks of the writer and the delivery run say.
  return `INSERT INTO seats_events (id, account_id, type, payload, created_at, next_attempt_at)
    SELECT e.event->>'id', e.event->>'accountId', e.event->>'type', e.event,
      (e.event->>'at')::timestamptz, '-infinity'
    FROM jsonb_array_elements(${param}::jsonb) WITH ORDINALITY AS e (event, n)
    WHERE ${gate} ORDER BY e.n RETURNING seq, id`;
}

/** The events as written, given the rows (`seq`, `id`) their INSERT returned. */
export function recordedEvents(
  events: readonly (SeatsEvent & { id: string })[],
  rows: readonly Row[],
): RecordedSeatsEvent[] {
  const seqs = new Map(rows.map((row) => [row.id as string, Number(row.seq)]));
  return events.flatMap((event) => {
    const seq = seqs.get(event.id);
    return seq === undefined ? [] : [{ ...event, seq }];
  });
}

function iso(value: unknown): string {
  return new Date(value as string | Date).toISOString();
}

function toDelivery(row: Row): EndpointDelivery {
  return {
    endpoint: row.endpoint as string,
    status: row.status as EndpointDelivery['status'],
    attempts: Number(row.attempts),
    lastAttemptAt: iso(row.last_attempt_at),
    nextAttemptAt: row.next_attempt_at === null ? null : iso(row.next_attempt_at),
    lastError: (row.last_error as string | null) ?? null,
    deliveredAt: row.delivered_at === null ? null : iso(row.delivered_at),
  };
}

const deliveryColumns =
  'account_id, event_seq, endpoint, status, attempts, last_attempt_at, next_attempt_at, last_error, delivered_at';

async function withDeliveries(db: SqlExecutor, rows: Row[]): Promise<EventRecord[]> {
  if (rows.length === 0) return [];
  const deliveryRows = await db.query(
    `SELECT ${deliveryColumns} FROM seats_event_deliveries
     WHERE (account_id, event_seq) IN (SELECT * FROM unnest($1::text[], $2::bigint[]))
     ORDER BY event_seq, endpoint`,
    [rows.map((row) => row.account_id as string), rows.map((row) => Number(row.seq))],
  );
  const bySeq = new Map<number, EndpointDelivery[]>();
  for (const row of deliveryRows) {
    const seq = Number(row.event_seq);
    bySeq.set(seq, [...(bySeq.get(seq) ?? []), toDelivery(row)]);
  }
  return rows
    .map((row) => ({
      event: { ...(row.payload as SeatsEvent & { id: string }), seq: Number(row.seq) },
      status: row.status as EventStatus,
      deliveries: bySeq.get(Number(row.seq)) ?? [],
    }))
    .sort((a, b) => a.event.seq - b.event.seq);
}

/** The outbox over the store's SQL executor; both drivers run exactly these statements. */
export function createSqlEventOutbox(db: SqlExecutor): EventOutbox {
  return {
    async claim({ now, leaseUntil, claim, limit }) {
      // Claimed for a lease rather than locked for the delivery: no transaction stays open across
      // the network, and an event whose run died is claimed again once its lease ends.
      const rows = await db.query(
        `WITH due AS (
           SELECT account_id, seq FROM seats_events WHERE status = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at, seq LIMIT $2 FOR UPDATE SKIP LOCKED
         )
         UPDATE seats_events e SET next_attempt_at = $3, claim = $4 FROM due
         WHERE e.account_id = due.account_id AND e.seq = due.seq
         RETURNING e.account_id, e.seq, e.payload, e.status`,
        [now, limit, leaseUntil, claim],
      );
      return withDeliveries(db, rows);
    },
    async record({ accountId, seq, claim, status, nextAttemptAt, deliveries }) {
      return db.transaction(async (tx) => {
        const owned = await tx.query(
          `UPDATE seats_events SET status = $4, next_attempt_at = $5, claim = NULL
           WHERE account_id = $1 AND seq = $2 AND claim = $3 RETURNING seq`,
          [accountId, seq, claim, status, nextAttemptAt],
        );
        if (owned.length === 0) return false;
        if (deliveries.length > 0) {
          await tx.query(
            `INSERT INTO seats_event_deliveries (${deliveryColumns})
             SELECT $1, $2, d->>'endpoint', d->>'status', (d->>'attempts')::integer,
               (d->>'lastAttemptAt')::timestamptz, (d->>'nextAttemptAt')::timestamptz,
               d->>'lastError', (d->>'deliveredAt')::timestamptz
             FROM jsonb_array_elements($3::jsonb) AS d
             ON CONFLICT (account_id, event_seq, endpoint) DO UPDATE SET status = excluded.status,
               attempts = excluded.attempts, last_attempt_at = excluded.last_attempt_at,
               next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error,
               delivered_at = excluded.delivered_at`,
            [accountId, seq, JSON.stringify(deliveries)],
          );
        }
        return true;
      });
    },
    async list({ accountId, after, through, limit }) {
      const rows = await db.query(
        `SELECT account_id, seq, payload, status FROM seats_events
         WHERE account_id = $1 AND seq > $2 AND ($3::bigint IS NULL OR seq <= $3)
         ORDER BY seq LIMIT $4`,
        [accountId, after, through, limit],
      );
      return withDeliveries(db, rows);
    },
    async requeue({ accountId, endpoint, after, through }) {
      return db.transaction(async (tx) => {
        const rows = await tx.query(
          `UPDATE seats_events SET status = 'pending', next_attempt_at = '-infinity', claim = NULL
           WHERE account_id = $1 AND seq > $2 AND ($3::bigint IS NULL OR seq <= $3)
           RETURNING seq`,
          [accountId, after, through],
        );
        const seqs = rows.map((row) => Number(row.seq));
        await tx.query(
          `DELETE FROM seats_event_deliveries
           WHERE account_id = $1 AND endpoint = $2 AND event_seq = ANY($3::bigint[])`,
          [accountId, endpoint, seqs],
        );
        return seqs.length;
      });
    },
  };
}
