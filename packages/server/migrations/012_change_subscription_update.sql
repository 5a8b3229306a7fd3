-- In the subscription-quantity billing mode, what the provider is told when a change applies
-- (`{ quantity, prorationBehavior }`): decided under the account's lock when the change goes to
-- the provider, so that a retry or recovery sends exactly that. Null in the charges mode.

ALTER TABLE seats_changes ADD COLUMN subscription_update jsonb;
