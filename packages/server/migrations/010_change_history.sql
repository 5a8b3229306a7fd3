-- A change's row is its history: what was asked and by whom stays as written. A purchase that
-- gives back licences of a scheduled removal counts them in `restored` instead of rewriting the
-- removal's plan, and the acting member's name is kept as it was when they acted.

ALTER TABLE seats_changes ADD COLUMN restored integer NOT NULL DEFAULT 0 CHECK (restored >= 0);
ALTER TABLE seats_changes ADD COLUMN actor_name text;
UPDATE seats_changes AS change SET actor_name = member.name
  FROM seats_members AS member
  WHERE member.account_id = change.account_id AND member.id = change.actor_member_id;
