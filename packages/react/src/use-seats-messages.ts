import { en, type SeatsMessages } from './messages';
import { useSeats } from './seats-context';

/**
 * Every string of the widgets as the provider resolves them (the locale's catalog, the account's
 * vocabulary, the provider's `messages`, English underneath), for host markup built from the parts.
 */
export function useSeatsMessages(): SeatsMessages {
  return useSeats().messagesWith(en);
}
