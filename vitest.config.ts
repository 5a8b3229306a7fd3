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
  },
});
