import { defineConfig } from 'tsup';

export default defineConfig({
  entry: [
    'src/index.ts',
    'src/pglite.ts',
    'src/postgres.ts',
    'src/demo.ts',
    'src/msw.ts',
    'src/node.ts',
    'src/stripe.ts',
    'src/seats-cli.ts',
  ],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['@electric-sql/pglite', 'pg', 'msw', 'stripe'],
  // Inlined: Node cannot import a JSON module without an import attribute.
  noExternal: [/^@seats\/core\/openapi\.json$/],
});
