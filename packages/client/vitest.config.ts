import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@seats/source'] },
  ssr: { resolve: { conditions: ['@seats/source'] } },
  test: { name: 'client', environment: 'node' },
});
