// Generated from migrations/*.sql by scripts/embed-migrations.ts; do not edit.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'init',
    sql: `-- Accounts, their licence pools and members, quotes, the audit trail of changes,
-- idempotency records and e-signature tokens.

CREATE TABLE seats_accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  plan text NOT NULL,
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  contract jsonb NOT NULL,
  storage_used_bytes bigint,
  policy jsonb NOT NULL,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE seats_pools (
  account_id text NOT NULL REFERENCES seats_accounts (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  name text NOT NULL,
  term text NOT NULL,
  purchased integer NOT NULL CHECK (purchased >= 0),
  scheduled_removal integer NOT NULL DEFAULT 0 CHECK (scheduled_removal >= 0),
  pending_signature integer NOT NULL DEFAULT 0 CHECK (pending_signature >= 0),
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  storage_per_licence_bytes bigint,
  min integer,
  max integer,
  -- Consuming members, kept by the same statements that add, change and remove them,
  -- so that a claim is one conditional update.
  used integer NOT NULL DEFAULT 0 CHECK (used >= 0),
  PRIMARY KEY (account_id, id)
);

CREATE TABLE seats_members (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES seats_accounts (id) ON DELETE CASCADE,
  seq bigserial NOT NULL,
  name text NOT NULL,
  email text NOT NULL,
  status text NOT NULL,
  role text NOT NULL,
  pool_id text,
  consumes boolean NOT NULL,
  revision integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX seats_members_account_seq ON seats_members (account_id, seq);

CREATE TABLE seats_quotes (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES seats_accounts (id) ON DELETE CASCADE,
  version integer NOT NULL,
  request jsonb NOT NULL,
  plan jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  change_id text
);

CREATE TABLE seats_changes (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES seats_accounts (id) ON DELETE CASCADE,
  seq bigserial NOT NULL,
  quote_id text,
  pool_id text NOT NULL,
  status text NOT NULL,
  plan jsonb NOT NULL,
  actor_member_id text,
  actor_role text NOT NULL,
  created_at timestamptz NOT NULL,
  effective_at timestamptz,
  signed_at timestamptz,
  cancelled_at timestamptz,
  charged_amount bigint,
  charged_currency text,
  charge_id text,
  idempotency_key text
);
CREATE INDEX seats_changes_account_seq ON seats_changes (account_id, seq DESC);
CREATE INDEX seats_changes_open ON seats_changes (account_id, status)
  WHERE status IN ('scheduled', 'pending-signature');

CREATE TABLE seats_idempotency_keys (
  account_id text NOT NULL REFERENCES seats_accounts (id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  response_status integer,
  response_body text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, key)
);

CREATE TABLE seats_signature_tokens (
  change_id text PRIMARY KEY REFERENCES seats_changes (id) ON DELETE CASCADE,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);
`,
  },
  {
    version: 2,
    name: 'member_indexes',
    sql: `-- An index for every filter of the member list, each led by the account and ending in the
-- list's order, so a page reads only its own rows, whatever the size of the table.

CREATE INDEX seats_members_account_status ON seats_members (account_id, status, seq);
CREATE INDEX seats_members_account_role ON seats_members (account_id, role, seq);
CREATE INDEX seats_members_account_pool ON seats_members (account_id, pool_id, seq);
CREATE INDEX seats_members_account_pool_consumes ON seats_members (account_id, pool_id, consumes, seq);
CREATE INDEX seats_members_account_consumes ON seats_members (account_id, consumes, seq);
-- The search matches names and emails by prefix, ignoring case.
CREATE INDEX seats_members_account_name ON seats_members (account_id, lower(name) text_pattern_ops);
CREATE INDEX seats_members_account_email ON seats_members (account_id, lower(email) text_pattern_ops);
`,
  },
  {
    version: 3,
    name: 'account_keys',
    sql: `-- Every key carries the account, so that the tables can be distributed by account_id (Citus and
-- the like): a key, a uniqueness or a reference then never spans two nodes. Statements name the
-- account as well, so each one is routed to the node holding it.

ALTER TABLE seats_members DROP CONSTRAINT seats_members_pkey;
ALTER TABLE seats_members ADD PRIMARY KEY (account_id, id);

ALTER TABLE seats_quotes DROP CONSTRAINT seats_quotes_pkey;
ALTER TABLE seats_quotes ADD PRIMARY KEY (account_id, id);

ALTER TABLE seats_signature_tokens DROP CONSTRAINT seats_signature_tokens_change_id_fkey;
ALTER TABLE seats_signature_tokens ADD COLUMN account_id text;
UPDATE seats_signature_tokens AS t SET account_id = c.account_id
  FROM seats_changes AS c WHERE c.id = t.change_id;
ALTER TABLE seats_signature_tokens ALTER COLUMN account_id SET NOT NULL;

ALTER TABLE seats_changes DROP CONSTRAINT seats_changes_pkey;
ALTER TABLE seats_changes ADD PRIMARY KEY (account_id, id);

ALTER TABLE seats_signature_tokens DROP CONSTRAINT seats_signature_tokens_pkey;
ALTER TABLE seats_signature_tokens ADD PRIMARY KEY (account_id, change_id);
ALTER TABLE seats_signature_tokens ADD FOREIGN KEY (account_id, change_id)
  REFERENCES seats_changes (account_id, id) ON DELETE CASCADE;
`,
  },
  {
    version: 4,
    name: 'open_changes',
    sql: `-- The open changes in the order the summary and \`GET /v1/changes?status=open\` read them, newest
-- first, so that the newest few cost the same however many are open.

DROP INDEX seats_changes_open;
CREATE INDEX seats_changes_open ON seats_changes (account_id, seq DESC)
  WHERE status IN ('scheduled', 'pending-signature');
`,
  },
  {
    version: 5,
    name: 'charging',
    sql: `-- A change that takes money is first recorded as \`charging\`, its licences reserved; the billing
-- provider is called after that transaction commits, outside the account's lock, and a second
-- transaction records \`applied\` or \`failed\`. Recovery finds what a crash left in between.

ALTER TABLE seats_changes ADD COLUMN charge_started_at timestamptz;
CREATE INDEX seats_changes_charging ON seats_changes (charge_started_at)
  WHERE status = 'charging';
CREATE INDEX seats_changes_idempotency_key ON seats_changes (account_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
`,
  },
  {
    version: 6,
    name: 'password_failures',
    sql: `-- Wrong passwords per member of an account, counted from the first in the lockout window; a
-- right password forgets them. Nothing derived from a password is stored.

CREATE TABLE seats_password_failures (
  account_id text NOT NULL REFERENCES seats_accounts (id) ON DELETE CASCADE,
  member_key text NOT NULL,
  failures integer NOT NULL,
  since timestamptz NOT NULL,
  PRIMARY KEY (account_id, member_key)
);
`,
  },
  {
    version: 7,
    name: 'period_ends',
    sql: `-- Each period end an account passed, recorded once (the key is the account and the start of the
-- period that began), with the recurring charge lines of that period. The charge is taken after
-- the roll commits, outside the account's lock: \`due\`, claimed as \`charging\`, then \`charged\`,
-- \`pending\` (the provider confirms later) or \`failed\`; \`none\` when nothing is owed.

CREATE TABLE seats_period_ends (
  account_id text NOT NULL REFERENCES seats_accounts (id) ON DELETE CASCADE,
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  ended_start timestamptz NOT NULL,
  contract_outcome text,
  charges jsonb NOT NULL,
  amount bigint NOT NULL CHECK (amount >= 0),
  currency text NOT NULL,
  charge_status text NOT NULL,
  charge_id text,
  failure_reason text,
  rolled_at timestamptz NOT NULL,
  charge_started_at timestamptz,
  charged_at timestamptz,
  PRIMARY KEY (account_id, period_start)
);
CREATE INDEX seats_period_ends_unsettled ON seats_period_ends (rolled_at)
  WHERE charge_status IN ('due', 'charging');

-- The period-end job finds the accounts whose period is over without reading them all.
CREATE INDEX seats_accounts_period_end ON seats_accounts (period_end);
-- Pruning reads the oldest quotes and idempotency records first.
CREATE INDEX seats_quotes_expires_at ON seats_quotes (expires_at);
CREATE INDEX seats_idempotency_keys_created_at ON seats_idempotency_keys (created_at);
-- The job expires the purchases still waiting for their signature past the policy's TTL.
CREATE INDEX seats_changes_pending_signature ON seats_changes (created_at)
  WHERE status = 'pending-signature';
`,
  },
  {
    version: 8,
    name: 'events',
    sql: `-- The outbox: each event is written in the transaction of the change it reports, numbered by
-- \`seq\` in the order it was written (one sequence for the store), then delivered at least once to
-- every subscriber and webhook endpoint by \`jobs.deliver()\`. An event stays \`pending\` until each
-- endpoint has it (\`delivered\`) or gave up on it (\`dead\`); \`next_attempt_at\` is when a delivery
-- run may next claim it, \`claim\` the run that holds it until then.

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
`,
  },
  {
    version: 9,
    name: 'admin',
    sql: `-- The admin API: members may carry the host's own id for them, an email is one member's per
-- account whatever its case, and a change made outside the widgets (a purchased quantity set
-- after a sales deal) records why.

ALTER TABLE seats_members ADD COLUMN external_id text;
CREATE UNIQUE INDEX seats_members_account_external_id ON seats_members (account_id, external_id)
  WHERE external_id IS NOT NULL;

-- Accounts could hold two members with one email before: say which, rather than fail on the index.
DO $$
DECLARE duplicates integer;
BEGIN
  SELECT count(*) INTO duplicates FROM (
    SELECT 1 FROM seats_members GROUP BY account_id, lower(email) HAVING count(*) > 1
  ) AS shared;
  IF duplicates > 0 THEN
    RAISE EXCEPTION 'Seats migration 009: % emails belong to more than one member of an account. Give each member an email of its own (SELECT account_id, lower(email) FROM seats_members GROUP BY 1, 2 HAVING count(*) > 1 lists them), then start again.', duplicates;
  END IF;
END $$;
CREATE UNIQUE INDEX seats_members_account_email_unique ON seats_members (account_id, lower(email));

ALTER TABLE seats_changes ADD COLUMN reason text;
`,
  },
  {
    version: 10,
    name: 'change_history',
    sql: `-- A change's row is its history: what was asked and by whom stays as written. A purchase that
-- gives back licences of a scheduled removal counts them in \`restored\` instead of rewriting the
-- removal's plan, and the acting member's name is kept as it was when they acted.

ALTER TABLE seats_changes ADD COLUMN restored integer NOT NULL DEFAULT 0 CHECK (restored >= 0);
ALTER TABLE seats_changes ADD COLUMN actor_name text;
UPDATE seats_changes AS change SET actor_name = member.name
  FROM seats_members AS member
  WHERE member.account_id = change.account_id AND member.id = change.actor_member_id;
`,
  },
  {
    version: 11,
    name: 'member_add_ons',
    sql: `-- A member holds one base pool (\`seats_members.pool_id\`) and any number of add-on pools. An add-on
-- consumes a licence exactly when its member does (\`seats_members.consumes\`), so it keeps no flag.

CREATE TABLE seats_member_add_ons (
  account_id text NOT NULL,
  member_id text NOT NULL,
  pool_id text NOT NULL,
  PRIMARY KEY (account_id, member_id, pool_id),
  FOREIGN KEY (account_id, member_id) REFERENCES seats_members (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, pool_id) REFERENCES seats_pools (account_id, id)
);
CREATE INDEX seats_member_add_ons_account_pool ON seats_member_add_ons (account_id, pool_id);
`,
  },
  {
    version: 12,
    name: 'change_subscription_update',
    sql: `-- In the subscription-quantity billing mode, what the provider is told when a change applies
-- (\`{ quantity, prorationBehavior }\`): decided under the account's lock when the change goes to
-- the provider, so that a retry or recovery sends exactly that. Null in the charges mode.

ALTER TABLE seats_changes ADD COLUMN subscription_update jsonb;
`,
  },
];
