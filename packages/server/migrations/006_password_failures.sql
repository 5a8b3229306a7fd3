-- Wrong passwords per member of an account, counted from the first in the lockout window; a
-- right password forgets them. Nothing derived from a password is stored.

CREATE TABLE seats_password_failures (
  account_id text NOT NULL REFERENCES seats_accounts (id) ON DELETE CASCADE,
  member_key text NOT NULL,
  failures integer NOT NULL,
  since timestamptz NOT NULL,
  PRIMARY KEY (account_id, member_key)
);
