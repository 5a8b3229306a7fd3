import { sha256 } from './random-id';

/**
 * The idempotency key a charge is sent to the billing provider under: a hash of the tuple
 * (account, purpose, key), so that no account's key can stand for another's, whatever characters
 * either holds (`acme` with `eu:order-7` and `acme:eu` with `order-7` are two charges).
 */
export async function billingKey(
  accountId: string,
  purpose: 'commit' | 'sign',
  key: string,
): Promise<string> {
  return `seats_${await sha256(JSON.stringify([accountId, purpose, key]))}`;
}
