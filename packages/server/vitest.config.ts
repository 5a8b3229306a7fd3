import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@seats/source'] },
  ssr: { resolve: { conditions: ['@seats/source'] } },
  test: {
    name: 'server',
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
