import { defineProject } from 'vitest/config';

/** Tests of the catalogs' words that need no browser: property tests over many quotes. */
export default defineProject({
  resolve: { conditions: ['@seats/source'] },
  ssr: { resolve: { conditions: ['@seats/source'] } },
  test: {
    name: 'react-node',
    // Which files read the wall clock, for the calendar sweep (scripts/calendar-sweep.mjs).
    setupFiles: process.env.SEATS_WALL_CLOCK_PROBE ? ['../../scripts/wall-clock-probe.mjs'] : [],
    environment: 'node',
    include: ['src/**/*.property.test.ts'],
  },
});
