import { defineProject } from 'vitest/config';

// End-to-end tests: each file starts the admin app on a free port over a fresh data folder and
// drives Debian's Chromium against it, so files run one at a time and steps get generous timeouts.
export default defineProject({
  resolve: { conditions: ['@seats/source'] },
  ssr: { resolve: { conditions: ['@seats/source'] } },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
