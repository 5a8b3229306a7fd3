import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { findChromium } from '../scripts/chromium.mjs';

const browser = await findChromium();

// Every story is a test: it renders, runs its play function, then the layout check of the preview
// (at 375 and 1280 px, light and dark) and the axe check of addon-a11y.
export default defineProject({
  plugins: [storybookTest({ configDir: fileURLToPath(new URL('../.storybook', import.meta.url)) })],
  test: {
    name: 'storybook',
    // Docs pages hold no tests.
    exclude: ['**/*.mdx', '**/node_modules/**'],
    // Lets the layout check resize the page to each width it checks.
    setupFiles: ['./vitest-setup.ts'],
    // The first story of a file boots the handler and PGlite in the page: slow on a loaded machine.
    testTimeout: 90_000,
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
