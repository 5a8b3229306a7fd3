-- A member holds one base pool (`seats_members.pool_id`) and any number of add-on pools. An add-on
-- consumes a licence exactly when its member does (`seats_members.consumes`), so it keeps no flag.

CREATE TABLE seats_member_add_ons (
  account_id text NOT NULL,
  member_id text NOT NULL,
  pool_id text NOT NULL,
  PRIMARY KEY (account_id, member_id, pool_id),
  FOREIGN KEY (account_id, member_id) REFERENCES seats_members (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, pool_id) REFERENCES seats_pools (account_id, id)
);
CREATE INDEX seats_member_add_ons_account_pool ON seats_member_add_ons (account_id, pool_id);
