-- The outbox: each event is written in the transaction of the change it reports, numbered by
-- `seq` in the order it was written (one sequence for the store), then delivered at least once to
-- every subscriber and webhook endpoint by `jobs.deliver()`. An event stays `pending` until each
-- endpoint has it (`delivered`) or gave up on it (`dead`); `next_attempt_at` is when a delivery
-- run may next claim it, `claim` the run that holds it until then.

CREATE TABLE seats_events (
  account_id text NOT NULL REFERENCES seats_accounts (id) ON DELETE CASCADE,
  seq bigserial NOT NULL,
  id text NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  next_attempt_at timestamptz NOT NULL,
  claim text,
  PRIMARY KEY (account_id, seq),
  UNIQUE (account_id, id)
);
CREATE INDEX seats_events_pending ON seats_events (next_attempt_at, seq) WHERE status = 'pending';

-- Per event and endpoint (a webhook's or subscriber's id): attempts made, and where it stands.
CREATE TABLE seats_event_deliveries (
  account_id text NOT NULL,
  event_seq bigint NOT NULL,
  endpoint text NOT NULL,
  status text NOT NULL CHECK (status IN ('retrying', 'delivered', 'dead')),
  attempts integer NOT NULL,
  last_attempt_at timestamptz NOT NULL,
  next_attempt_at timestamptz,
  last_error text,
  delivered_at timestamptz,
  PRIMARY KEY (account_id, event_seq, endpoint),
  FOREIGN KEY (account_id, event_seq) REFERENCES seats_events (account_id, seq) ON DELETE CASCADE
);
