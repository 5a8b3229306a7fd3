-- The open changes in the order the summary and `GET /v1/changes?status=open` read them, newest
-- first, so that the newest few cost the same however many are open.

DROP INDEX seats_changes_open;
CREATE INDEX seats_changes_open ON seats_changes (account_id, seq DESC)
  WHERE status IN ('scheduled', 'pending-signature');
