import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@seats/source'] },
  ssr: { resolve: { conditions: ['@seats/source'] } },
  test: {
    name: 'client',
    // Which files read the wall clock, for the calendar sweep (scripts/calendar-sweep.mjs).
    setupFiles: process.env.SEATS_WALL_CLOCK_PROBE ? ['../../scripts/wall-clock-probe.mjs'] : [],
    environment: 'node',
  },
});
