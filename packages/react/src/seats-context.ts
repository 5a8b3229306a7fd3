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
  messages: SeatsMessages;
  format: SeatsFormat;
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

/** The provider's client, query client, locale and messages; throws outside `SeatsProvider`. */
export function useSeats(): SeatsContextValue {
  return useRequiredContext(SeatsContext, 'useSeats', 'SeatsProvider');
}
