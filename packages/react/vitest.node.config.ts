import { defineProject } from 'vitest/config';

/** Tests of the catalogs' words that need no browser: property tests over many quotes. */
export default defineProject({
  resolve: { conditions: ['@seats/source'] },
  ssr: { resolve: { conditions: ['@seats/source'] } },
  test: { name: 'react-node', environment: 'node', include: ['src/**/*.property.test.ts'] },
});
