import {
  ar,
  de,
  en,
  es,
  fr,
  ja,
  pt,
  type SeatsMessageOverrides,
  type SeatsMessages,
  SeatsProvider,
} from '@seats/react';
import seatsStyles from '@seats/react/styles.css?inline';
import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { type ReactNode, useState } from 'react';
import { configure } from 'storybook/test';
import { checkStoryLayout } from './check-story-layout';
import { clientFor, seatsApi } from './seats-api';
import type { SeatsParameters } from './seats-parameters';

// A play function waits up to 10 s for the page: each story's handler runs in the page, and a
// purchase there can take seconds on a loaded two-core machine.
configure({ asyncUtilTimeout: 10_000 });

// The demo products name their own roles; a host translates them as it does its other words.
const productRoles: Record<string, Record<string, string>> = {
  de: {
    'system admin': 'Systemadministrator',
    'standard user': 'Standardnutzer',
    'company-admin': 'Firmenadministrator',
    'office-admin': 'Büroadministrator',
    employee: 'Mitarbeiter',
    'owner-manager': 'Inhaber',
    'financial-office': 'Buchhaltung',
    'office-staff': 'Büroteam',
    engineer: 'Techniker',
  },
  ar: {
    'system admin': 'مسؤول النظام',
    'standard user': 'مستخدم عادي',
    'company-admin': 'مسؤول الشركة',
    'office-admin': 'مسؤول المكتب',
    employee: 'موظف',
    'owner-manager': 'المالك',
    'financial-office': 'المكتب المالي',
    'office-staff': 'فريق المكتب',
    engineer: 'مهندس',
  },
};

function withProductRoles(language: string, messages: SeatsMessages): SeatsMessageOverrides {
  const roles = productRoles[language] ?? {};
  return {
    ...messages,
    roleName: (params, format) =>
      roles[params.role.toLowerCase()] ?? messages.roleName(params, format),
  };
}

const catalogs: Record<string, { locale: string; messages: SeatsMessageOverrides }> = {
  en: { locale: 'en-US', messages: en },
  de: { locale: 'de-DE', messages: withProductRoles('de', de) },
  ar: { locale: 'ar', messages: withProductRoles('ar', ar) },
  fr: { locale: 'fr-FR', messages: fr },
  es: { locale: 'es-ES', messages: es },
  pt: { locale: 'pt-BR', messages: pt },
  ja: { locale: 'ja-JP', messages: ja },
};

/** Puts the page in the story's theme: the shipped stylesheet or none, light or dark, and its direction. */
function applyPageGlobals(globals: Record<string, unknown>, locale: string): void {
  const root = document.documentElement;
  const styled = globals.styles !== 'unstyled';
  let style = document.getElementById('seats-styles');
  if (styled && style === null) {
    style = document.createElement('style');
    style.id = 'seats-styles';
    style.textContent = seatsStyles;
    document.head.append(style);
  } else if (!styled) style?.remove();
  if (styled) root.dataset.theme = globals.theme === 'dark' ? 'dark' : 'light';
  else delete root.dataset.theme;
  // The page paints the theme's background, so that text outside the widgets keeps its contrast.
  document.body.style.background = styled ? 'var(--seats-bg)' : '';
  document.body.style.color = styled ? 'var(--seats-fg)' : '';
  // The widgets inherit the host's font: the page sets one, as a host's does.
  document.body.style.fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  root.lang = locale;
  root.dir = globals.dir === 'rtl' ? 'rtl' : 'ltr';
}

function StoryProviders({
  seats,
  globals,
  children,
}: {
  seats: SeatsParameters;
  globals: Record<string, unknown>;
  children: ReactNode;
}) {
  const [client] = useState(() => clientFor(seats.account, seats.role));
  // The summary is still retried three times before an error shows, without the seconds of backoff.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retryDelay: 50 } } }),
  );
  const catalog = catalogs[String(globals.locale)] ?? catalogs.en;
  return (
    <SeatsProvider
      client={client}
      queryClient={queryClient}
      locale={catalog?.locale}
      messages={catalog?.messages}
      dir={globals.dir === 'rtl' ? 'rtl' : 'ltr'}
    >
      {children}
    </SeatsProvider>
  );
}

/** Gives each story a `SeatsProvider` with a fresh client for its account, role, locale and direction. */
const withSeats: Decorator = (Story, context) => {
  const catalog = catalogs[String(context.globals.locale)] ?? catalogs.en;
  applyPageGlobals(context.globals, catalog?.locale ?? 'en-US');
  const seats = context.parameters.seats as SeatsParameters | undefined;
  if (seats === undefined) return <Story />;
  return (
    <StoryProviders key={context.id} seats={seats} globals={context.globals}>
      <Story />
    </StoryProviders>
  );
};

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Colour theme of the shipped stylesheet',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    styles: {
      description: 'The shipped stylesheet, or none (semantic markup and data attributes only)',
      toolbar: {
        title: 'Styles',
        icon: 'paintbrush',
        items: [
          { value: 'shipped', title: 'styles.css' },
          { value: 'unstyled', title: 'Unstyled' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Message catalog and Intl locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
          { value: 'pt', title: 'Português' },
          { value: 'ja', title: '日本語' },
          { value: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', styles: 'shipped', locale: 'en', dir: 'ltr' },
  loaders: [
    mswLoader(async () => {
      const api = await seatsApi();
      // The real handler, as initial handlers: they survive the reset between stories.
      const worker = setupWorker(...api.handlers);
      await worker.start({
        onUnhandledRequest: 'bypass',
        quiet: true,
        // Relative in a static build, so that the site works under any path of a static host.
        serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
      });
      return worker;
    }),
  ],
  async beforeEach(context) {
    // A docs page renders many stories at once: they share the seeded accounts as they are.
    if (context.viewMode === 'docs') return;
    const seats = context.parameters.seats as SeatsParameters | undefined;
    const api = await seatsApi();
    await api.reset();
    if (seats?.setup !== undefined) await seats.setup({ api, client: clientFor(seats.account) });
  },
  // After the play function: no overlapping or clipped text, no sideways scrolling, targets of at
  // least 24 × 24 px, at 375 and 1280 px wide, light and dark (run by the test runner only).
  afterEach: checkStoryLayout,
  decorators: [withSeats],
  parameters: {
    layout: 'padded',
    viewport: {
      options: {
        phone: {
          name: 'Phone (375 px)',
          styles: { width: '375px', height: '812px' },
          type: 'mobile',
        },
      },
    },
    // Every axe violation fails the story's test.
    a11y: { test: 'error' },
    controls: { matchers: { date: /Date$/ } },
  },
};

export default preview;
