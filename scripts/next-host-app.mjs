// The Next.js host app of the install check: its files from the READMEs' code blocks as written,
// the stand-ins for the names those blocks leave to the host, and the app's own few lines around them.
import { addUserStep, fromReadme } from './readme-blocks.mjs';

/**
 * The Next.js app's files that come from the READMEs, as written: where each block goes and the
 * names it leaves to the host, by the module of `host/` that stands in for them.
 */
export const nextFromReadmes = {
  'lib/seats.ts': {
    readme: 'packages/server/README.md',
    heading: 'Mount it',
    start: "import { createSeatsHandler, lazyStore } from '@seats/server';",
    host: { '@/host/server': ['billing', 'sessionUser'] },
  },
  'app/api/seats/[...path]/route.ts': {
    readme: 'packages/server/README.md',
    heading: 'Mount it',
    start: 'export { seats as DELETE',
  },
  'lib/use-it.ts': {
    readme: 'README.md',
    heading: 'Use it',
    start: "import { createSeatsHandler, lazyStore } from '@seats/server';",
    host: { '@/host/server': ['billing', 'currentUser'] },
  },
  'components/licences-panel.tsx': {
    readme: 'README.md',
    heading: 'Use it',
    start: "import { createSeatsClient } from '@seats/client';",
    host: { '@/host/client': ['openNewUserForm', 'toast'] },
  },
  'components/add-user-button.tsx': addUserStep,
};

// The stand-ins for the names the READMEs leave to the host, as the README describes them. The
// billing provider comes from run-time configuration that `next build` does not see, as a real
// provider's secrets usually are not there when the app is built.
const hostServerNames = `// The names the READMEs' server blocks leave to the host.
import { type Billing, createDevBilling } from '@seats/server';

/** The host's billing provider, from its run-time configuration: none while the app is built. */
export const billing: Billing | undefined =
  process.env.HOST_BILLING === 'development' ? createDevBilling() : undefined;

interface HostUser {
  id: string;
  tenantId: string;
  role: string;
}

/** The host's signed-in user of a request: here the one its \`x-user\` header names, of Acme. */
async function signedIn(request: Request): Promise<HostUser | null> {
  const id = request.headers.get('x-user');
  return id === null ? null : { id, tenantId: 'acme', role: 'owner' };
}
export const currentUser = signedIn;
export const sessionUser = signedIn;
`;

const hostClientNames = `// The names the README's widgets leave to the host.

/** The host's notification. */
export function toast(message: string): void {
  console.info(message);
}

/** Opens the host's own "new user" form. */
export function openNewUserForm(): void {
  window.location.hash = 'new-user';
}
`;

/** Compiler settings stricter than Next.js's own, under which every README block must type-check. */
const strictest = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  verbatimModuleSyntax: true,
};

/** Every file of the app but its package.json. */
export function nextHostFiles() {
  return {
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['dom', 'dom.iterable', 'esnext'],
        strict: true,
        noEmit: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        jsx: 'preserve',
        skipLibCheck: true,
        isolatedModules: true,
        esModuleInterop: true,
        resolveJsonModule: true,
        paths: { '@/*': ['./*'] },
        plugins: [{ name: 'next' }],
      },
      include: ['**/*.ts', '**/*.tsx'],
      exclude: ['node_modules'],
    }),
    'tsconfig.strict.json': JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: strictest,
      include: ['host', 'lib', 'components', 'app'],
    }),
    'host/server.ts': hostServerNames,
    'host/client.ts': hostClientNames,
    ...Object.fromEntries(
      Object.entries(nextFromReadmes).map(([path, block]) => [path, fromReadme(block)]),
    ),
    'app/layout.tsx': `import type { ReactNode } from 'react';

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
    'app/page.tsx': `'use client';
import { createSeatsClient } from '@seats/client';
import { SeatsProvider } from '@seats/react';
import { AddUserButton } from '@/components/add-user-button';
import { LicencesPanel } from '@/components/licences-panel';

const client = createSeatsClient({ baseUrl: '/api/seats' });

export default function Page() {
  return (
    <main>
      <LicencesPanel />
      <SeatsProvider client={client}>
        <AddUserButton form={{ name: 'Eve New', email: 'eve@acme.example' }} />
      </SeatsProvider>
    </main>
  );
}
`,
    'app/keys/page.tsx': `import { seatsKeys } from '@seats/react/query';

export default function Keys() {
  return <p>{seatsKeys.summary().join('/')}</p>;
}
`,
    // The root README's handler is mounted at /api/seats like the other: asked under /api/use-it.
    'app/api/use-it/[...path]/route.ts': `import { seats } from '@/lib/use-it';

export function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  url.pathname = url.pathname.replace(/^\\/api\\/use-it\\//, '/api/seats/');
  return seats(new Request(url, request));
}
`,
  };
}
