import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  format: ['esm', 'cjs'],
  sourcemap: true,
  target: 'es2022',
  external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'],
};

export default defineConfig((): Options[] => {
  // Two builds write into `dist/` at once, so it is emptied here rather than by either of them.
  rmSync('dist', { recursive: true, force: true });
  return [
    {
      ...shared,
      entry: { index: 'src/index.ts' },
      // Every export is a client component or hook: keep the directive at the top of the built files.
      banner: { js: '"use client";' },
      // Both entries' types from one program: alone, `query` cannot name the core types it returns.
      dts: { entry: { index: 'src/index.ts', query: 'src/query.ts' } },
    },
    // The query options and keys, without the directive, so that a server component can call them.
    { ...shared, entry: { query: 'src/query.ts' } },
  ];
});
