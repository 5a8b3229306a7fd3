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
    // databases, processes and timers, so a second one keeps both cores busy.
    maxWorkers: 2,
  },
});
