import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions } from 'vite';
import { defineProject } from 'vitest/config';
import { findChromium } from '../../scripts/chromium.mjs';

const browser = await findChromium();

const chromium = playwright({
  launchOptions: {
    executablePath: browser.executablePath,
    args: browser.args,
    env: { ...process.env, ...browser.env },
  },
});

export default defineProject({
  plugins: [react()],
  resolve: { conditions: ['@seats/source', ...defaultClientConditions] },
  // PGlite loads its WebAssembly and data files next to its module; pre-bundling would move them.
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  publicDir: 'test/public',
  define: {
    __REACT_MAJOR__: JSON.stringify('19'),
    __CHROMIUM__: JSON.stringify({
      executablePath: browser.executablePath,
      source: browser.source,
    }),
  },
  test: {
    name: 'react',
    include: ['src/**/*.test.tsx'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 15_000,
    // Files share one page, so the handler and its PGlite boot once, not once per file (half the
    // time); each test resets the API's data itself.
    isolate: false,
    browser: {
      enabled: true,
      headless: true,
      provider: chromium,
      instances: [{ browser: 'chromium' }],
    },
  },
});
