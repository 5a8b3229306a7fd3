import { defineConfig } from 'vitest/config';
import SlowestFilesReporter from './scripts/slowest-files-reporter.mjs';

export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest*.config.ts',
      'stories/vitest.config.ts',
      'examples/*/vitest*.config.ts',
    ],
    reporters: ['default', new SlowestFilesReporter()],
    // On two cores the default is one worker; the node files spend much of their time waiting on
    // databases, processes and timers, so three keep both cores busy (347 s with two, 320 with three).
    maxWorkers: 3,
  },
});
