import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions } from 'vite';
import { defineProject } from 'vitest/config';

const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
});

export default defineProject({
  plugins: [react()],
  resolve: { conditions: ['@seats/source', ...defaultClientConditions] },
  // PGlite loads its WebAssembly and data files next to its module; pre-bundling would move them.
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  publicDir: 'test/public',
  define: { __REACT_MAJOR__: JSON.stringify('19') },
  test: {
    name: 'react',
    include: ['src/**/*.test.tsx'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 15_000,
    browser: {
      enabled: true,
      headless: true,
      provider: chromium,
      instances: [{ browser: 'chromium' }],
    },
  },
});
