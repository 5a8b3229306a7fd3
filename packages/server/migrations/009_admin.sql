-- The admin API: members may carry the host's own id for them, an email is one member's per
-- account whatever its case, and a change made outside the widgets (a purchased quantity set
-- after a sales deal) records why.

ALTER TABLE seats_members ADD COLUMN external_id text;
CREATE UNIQUE INDEX seats_members_account_external_id ON seats_members (account_id, external_id)
  WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX seats_members_account_email_unique ON seats_members (account_id, lower(email));

ALTER TABLE seats_changes ADD COLUMN reason text;
