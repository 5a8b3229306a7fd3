import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions } from 'vite';
import { defineProject } from 'vitest/config';
import { findChromium } from '../../scripts/chromium.mjs';

const browser = await findChromium();

// The same tests against React 18: every import of react and react-dom, the kit's and its
// dependencies', resolves to the `react-18` and `react-dom-18` aliases.
export default defineProject({
  plugins: [react()],
  cacheDir: 'node_modules/.vite-react-18',
  resolve: {
    conditions: ['@seats/source', ...defaultClientConditions],
    alias: [
      { find: /^react$/, replacement: 'react-18' },
      { find: /^react\/(.*)$/, replacement: 'react-18/$1' },
      { find: /^react-dom$/, replacement: 'react-dom-18' },
      { find: /^react-dom\/(.*)$/, replacement: 'react-dom-18/$1' },
    ],
  },
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  publicDir: 'test/public',
  define: {
    __REACT_MAJOR__: JSON.stringify('18'),
    __CHROMIUM__: JSON.stringify({
      executablePath: browser.executablePath,
      source: browser.source,
    }),
  },
  test: {
    name: 'react-18',
    include: ['src/**/*.test.tsx'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 15_000,
    // Files share one page, so the handler and its PGlite boot once, not once per file (half the
    // time); each test resets the API's data itself.
    isolate: false,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: browser.executablePath,
          args: browser.args,
          env: { ...process.env, ...browser.env },
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
