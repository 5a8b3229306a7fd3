import type { SeatsClient } from '@seats/client';
import type { QueryClient } from '@tanstack/react-query';
import { type Context, createContext, useContext } from 'react';
import type { SeatsFormat } from './format';
import type { SeatsMessages } from './messages';

/** What `SeatsProvider` gives every hook and widget below it. */
export interface SeatsContextValue {
  client: SeatsClient;
  queryClient: QueryClient;
  /** Distinguishes the query keys of several providers sharing one `QueryClient`. */
  scope: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  format: SeatsFormat;
  /**
   * The strings of a widget: its English `defaults` under the locale's catalog, the account's
   * vocabulary and the provider's `messages`. Each widget brings its own defaults, so a page
   * carries the words of the widgets it shows. `useSeatsMessages()` gives the whole catalog.
   */
  messagesWith: <K extends keyof SeatsMessages>(
    defaults: Pick<SeatsMessages, K>,
  ) => Pick<SeatsMessages, K>;
}

export const SeatsContext = createContext<SeatsContextValue | null>(null);

/** `context`'s value; outside its provider, throws a message naming both. */
export function useRequiredContext<T>(
  context: Context<T | null>,
  user: string,
  provider: string,
): T {
  const value = useContext(context);
  if (value === null) throw new Error(`\`${user}\` must be used within \`${provider}\``);
  return value;
}

/** The provider's client, query client, locale and formatter; throws outside `SeatsProvider`. */
export function useSeats(): SeatsContextValue {
  return useRequiredContext(SeatsContext, 'useSeats', 'SeatsProvider');
}
