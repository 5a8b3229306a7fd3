-- A change that takes money is first recorded as `charging`, its licences reserved; the billing
-- provider is called after that transaction commits, outside the account's lock, and a second
-- transaction records `applied` or `failed`. Recovery finds what a crash left in between.

ALTER TABLE seats_changes ADD COLUMN charge_started_at timestamptz;
CREATE INDEX seats_changes_charging ON seats_changes (charge_started_at)
  WHERE status = 'charging';
CREATE INDEX seats_changes_idempotency_key ON seats_changes (account_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
