import type { SeatsClient } from '@seats/client';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
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

/** The provider's client, query client, locale and messages; throws outside `SeatsProvider`. */
export function useSeats(): SeatsContextValue {
  const value = useContext(SeatsContext);
  if (value === null) throw new Error('`useSeats` must be used within `SeatsProvider`');
  return value;
}
