-- Each period end an account passed, recorded once (the key is the account and the start of the
-- period that began), with the recurring charge lines of that period. The charge is taken after
-- the roll commits, outside the account's lock: `due`, claimed as `charging`, then `charged`,
-- `pending` (the provider confirms later) or `failed`; `none` when nothing is owed.

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
