import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { oneModulePerFile, sourceFiles } from '../../scripts/one-module-per-file.mjs';

const shared: Options = {
  format: ['esm', 'cjs'],
  sourcemap: true,
  target: 'es2022',
  external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'],
};

// The `query` entry and what it imports: built without the directive, so that a server component
// can call the query options and keys.
const serverFiles = ['src/query.ts', 'src/seats-query-options.ts'];
const clientFiles = sourceFiles('src').filter((file) => !serverFiles.includes(file));

export default defineConfig((): Options[] => {
  // Two builds write into `dist/` at once, so it is emptied here rather than by either of them.
  rmSync('dist', { recursive: true, force: true });
  return [
    {
      ...shared,
      ...oneModulePerFile(clientFiles, [...clientFiles, ...serverFiles]),
      // Every other file holds a client component, a hook or what they render: keep the directive
      // at the top of each built file.
      banner: { js: '"use client";' },
      // Both entries' types from one program: alone, `query` cannot name the core types it returns.
      dts: { entry: { index: 'src/index.ts', query: 'src/query.ts' } },
    },
    { ...shared, ...oneModulePerFile(serverFiles) },
  ];
});
