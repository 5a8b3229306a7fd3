import type { SeatsClient } from '@seats/client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useContext, useMemo, useState } from 'react';
import { createFormat } from './format';
import { en, type SeatsMessageOverrides } from './messages';
import { SeatsContext, type SeatsContextValue } from './seats-context';

const rtlLanguages = new Set(['ar', 'fa', 'he', 'iw', 'ps', 'sd', 'ug', 'ur', 'yi', 'dv', 'ckb']);

export interface SeatsProviderProps {
  /** The API client, from `createSeatsClient`. */
  client: SeatsClient;
  /**
   * BCP 47 locale for numbers, money, dates and plurals.
   * @default 'en'
   */
  locale?: string;
  /**
   * Text direction of the widgets.
   * @default 'rtl' for right-to-left languages of `locale`, else 'ltr'
   */
  dir?: 'ltr' | 'rtl';
  /**
   * A bundled catalog (`de`, `fr`, `es`, `pt`, `ja`) or any per-string overrides; missing strings
   * fall back to English.
   */
  messages?: SeatsMessageOverrides;
  /**
   * The `QueryClient` to use.
   * @default the host's from `QueryClientProvider`, else one of the provider's own
   */
  queryClient?: QueryClient;
  /**
   * Distinguishes the cache keys of several providers (accounts) sharing one `QueryClient`.
   * @default 'default'
   */
  scope?: string;
  children?: ReactNode;
}

/** Gives the widgets and hooks their client, data cache, locale and messages. */
export function SeatsProvider({
  client,
  locale = 'en',
  dir,
  messages,
  queryClient,
  scope = 'default',
  children,
}: SeatsProviderProps) {
  const hostClient = useContext(QueryClientContext);
  const [ownClient] = useState(() => queryClient ?? hostClient ?? new QueryClient());
  const activeClient = queryClient ?? hostClient ?? ownClient;
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en';
  const direction = dir ?? (rtlLanguages.has(language) ? 'rtl' : 'ltr');
  const format = useMemo(() => createFormat(locale), [locale]);
  const value = useMemo<SeatsContextValue>(
    () => ({
      client,
      queryClient: activeClient,
      scope,
      locale,
      dir: direction,
      messages: { ...en, ...messages },
      format,
    }),
    [client, activeClient, scope, locale, direction, messages, format],
  );
  const content = <SeatsContext.Provider value={value}>{children}</SeatsContext.Provider>;
  // Only provide a QueryClient when the host has none, so the host's own queries keep theirs.
  return hostClient === undefined ? (
    <QueryClientProvider client={activeClient}>{content}</QueryClientProvider>
  ) : (
    content
  );
}
