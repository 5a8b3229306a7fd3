/**
 * Bundle budgets: what each import costs a host app, minified and gzipped, with react, react-dom
 * and react/jsx-runtime external and everything else (react-query, Radix, the client, core)
 * bundled, as a production build (`process.env.NODE_ENV` is `"production"`). Prints the sizes and exits 1 when one is over its budget.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kib = 1024;

async function bundleSize(
  contents: string,
  mode: 'production' | 'development' = 'production',
): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@seats/source'],
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

async function cssSize(): Promise<{ raw: number; gzip: number }> {
  const source = readFileSync(join(root, 'styles.css'), 'utf8');
  const { code } = await transform(source, { loader: 'css', minify: true });
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const checks = [
  {
    name: 'SeatMeter only',
    budget: 16 * kib,
    size: () => bundleSize(`export { SeatsProvider, SeatMeter } from './src/index.ts';`),
  },
  {
    name: 'all three widgets',
    budget: 36 * kib,
    size: () =>
      bundleSize(
        `export { SeatsProvider, SeatMeter, AdjustAllowanceDialog, AddUserGuard } from './src/index.ts';`,
      ),
  },
  {
    // What a page with the kit costs: the client checks responses by their structure in a
    // production build; the full zod contract is for development and tests.
    name: 'all + client',
    budget: 40 * kib,
    size: () =>
      bundleSize(
        `export { SeatsProvider, SeatMeter, AdjustAllowanceDialog, AddUserGuard } from './src/index.ts'; export { createSeatsClient } from '@seats/client';`,
      ),
  },
  { name: 'styles.css', budget: 4 * kib, size: cssSize },
];

const context = [
  {
    name: '/query entry',
    size: () => bundleSize(`export * from './src/query.ts';`),
  },
  {
    name: '@seats/client',
    size: () => bundleSize(`export { createSeatsClient } from '@seats/client';`),
  },
  {
    name: 'client (dev build)',
    size: () => bundleSize(`export { createSeatsClient } from '@seats/client';`, 'development'),
  },
];

let over = false;
for (const check of checks) {
  const { raw, gzip } = await check.size();
  const ok = gzip <= check.budget;
  if (!ok) over = true;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${check.name.padEnd(18)} ${(gzip / kib).toFixed(2).padStart(6)} KiB gzip / ${(check.budget / kib).toFixed(0)} KiB budget  (${(raw / kib).toFixed(1)} KiB minified)`,
  );
}
for (const entry of context) {
  const { raw, gzip } = await entry.size();
  console.log(
    `info ${entry.name.padEnd(18)} ${(gzip / kib).toFixed(2).padStart(6)} KiB gzip (${(raw / kib).toFixed(1)} KiB minified)`,
  );
}
if (over) {
  console.error('A bundle is over its budget.');
  process.exit(1);
}
