import type { SeatsClient } from '@seats/client';
import {
  QueryClient,
  QueryClientContext,
  QueryClientProvider,
  useQuery,
} from '@tanstack/react-query';
import { type ReactNode, useContext, useMemo, useState } from 'react';
import { createFormat } from './format';
import type { SeatsMessageOverrides, SeatsMessages } from './messages';
import { SeatsContext, type SeatsContextValue } from './seats-context';
import { summaryQueryOptions } from './seats-query-options';
import { vocabularyMessages } from './vocabulary-messages';

const rtlLanguages = new Set(['ar', 'fa', 'he', 'iw', 'ps', 'sd', 'ug', 'ur', 'yi', 'dv', 'ckb']);

export interface SeatsProviderProps {
  /** The API client, from `createSeatsClient`. */
  client: SeatsClient;
  /**
   * BCP 47 locale for numbers, money, dates and plurals.
   * @default the locale of the account's vocabulary (its policy's `vocabulary.locale`), else 'en'
   */
  locale?: string;
  /**
   * Text direction of the widgets.
   * @default 'rtl' for right-to-left languages of `locale`, else 'ltr'
   */
  dir?: 'ltr' | 'rtl';
  /**
   * Per-string overrides, or a whole bundled catalog (`de`, `fr`, `es`, `pt`, `ja`, `ar`); they win over
   * the account's vocabulary (the product's own words its policy carries, e.g. "Upgrade"), which
   * wins over the catalog of the locale; missing strings fall back to English.
   */
  messages?: SeatsMessageOverrides;
  /**
   * Catalogs by language (e.g. `{ de, fr }`): the one of the locale in effect lies under the
   * account's vocabulary and `messages`, so a product's German words show over the German catalog.
   */
  catalogs?: Readonly<Record<string, SeatsMessageOverrides>>;
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
  locale: hostLocale,
  dir,
  messages,
  catalogs,
  queryClient,
  scope = 'default',
  children,
}: SeatsProviderProps) {
  const hostClient = useContext(QueryClientContext);
  const [ownClient] = useState(() => queryClient ?? hostClient ?? new QueryClient());
  const activeClient = queryClient ?? hostClient ?? ownClient;
  // Only observes the summary the widgets load: the account's vocabulary arrives with it.
  const summary = useQuery({ ...summaryQueryOptions(client, scope), enabled: false }, activeClient);
  const vocabulary =
    summary.data?.access === 'limited' ? summary.data.vocabulary : summary.data?.policy.vocabulary;
  const locale = hostLocale ?? vocabulary?.locale ?? 'en';
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en';
  const direction = dir ?? (rtlLanguages.has(language) ? 'rtl' : 'ltr');
  const format = useMemo(() => createFormat(locale), [locale]);
  const catalog = catalogs?.[locale] ?? catalogs?.[language];
  const messagesWith = useMemo(() => {
    const merged = new WeakMap<object, object>();
    return <K extends keyof SeatsMessages>(defaults: Pick<SeatsMessages, K>) => {
      let found = merged.get(defaults);
      if (found === undefined) {
        const base = { ...defaults, ...catalog };
        found = { ...base, ...vocabularyMessages(vocabulary, base), ...messages };
        merged.set(defaults, found);
      }
      return found as Pick<SeatsMessages, K>;
    };
  }, [catalog, vocabulary, messages]);
  const value = useMemo<SeatsContextValue>(
    () => ({
      client,
      queryClient: activeClient,
      scope,
      locale,
      dir: direction,
      format,
      messagesWith,
    }),
    [client, activeClient, scope, locale, direction, format, messagesWith],
  );
  const content = <SeatsContext.Provider value={value}>{children}</SeatsContext.Provider>;
  // Only provide a QueryClient when the host has none, so the host's own queries keep theirs.
  return hostClient === undefined ? (
    <QueryClientProvider client={activeClient}>{content}</QueryClientProvider>
  ) : (
    content
  );
}
