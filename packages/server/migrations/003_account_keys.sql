-- Every key carries the account, so that the tables can be distributed by account_id (Citus and
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
