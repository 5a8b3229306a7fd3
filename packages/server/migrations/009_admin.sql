-- The admin API: members may carry the host's own id for them, an email is one member's per
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
