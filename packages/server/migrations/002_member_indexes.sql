-- An index for every filter of the member list, each led by the account and ending in the
-- list's order, so a page reads only its own rows, whatever the size of the table.

CREATE INDEX seats_members_account_status ON seats_members (account_id, status, seq);
CREATE INDEX seats_members_account_role ON seats_members (account_id, role, seq);
CREATE INDEX seats_members_account_pool ON seats_members (account_id, pool_id, seq);
CREATE INDEX seats_members_account_pool_consumes ON seats_members (account_id, pool_id, consumes, seq);
CREATE INDEX seats_members_account_consumes ON seats_members (account_id, consumes, seq);
-- The search matches names and emails by prefix, ignoring case.
CREATE INDEX seats_members_account_name ON seats_members (account_id, lower(name) text_pattern_ops);
CREATE INDEX seats_members_account_email ON seats_members (account_id, lower(email) text_pattern_ops);
