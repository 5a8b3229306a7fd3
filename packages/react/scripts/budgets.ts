/**
 * Bundle budgets: what each import costs a host app, minified and gzipped, with react, react-dom
 * and react/jsx-runtime external and everything else (react-query, Radix, the client, core)
 * bundled, as a production build (`process.env.NODE_ENV` is `"production"`).
 *
 * Each page is measured twice with the same esbuild flags: from `src/` through the workspace's
 * `@seats/source` condition, and from the tarballs a host installs (`pnpm pack` of core, client
 * and react, as published, installed with npm into a temporary folder). The meter page is also
 * built by Vite from the tarballs, and neither bundler may keep the dialog or the guard in it.
 * Needs `pnpm build` first. Prints the sizes and exits 1 when one is over its budget.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packages = join(root, '..');
const kib = 1024;
const external = ['react', 'react-dom', 'react/jsx-runtime'];
const production = { 'process.env.NODE_ENV': JSON.stringify('production') };

interface Size {
  raw: number;
  gzip: number;
  /** The bundled modules that kept code in the output. */
  modules: string[];
}

const sizeOf = (code: Uint8Array | string, modules: string[] = []): Size => ({
  raw: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  modules,
});

async function bundleSize(
  contents: string,
  from: { dir: string; conditions: string[] },
  mode: 'production' | 'development' = 'production',
): Promise<Size> {
  const result = await build({
    stdin: { contents, resolveDir: from.dir, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: from.conditions,
    external,
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const kept = Object.entries(inputs).filter(([, input]) => input.bytesInOutput > 0);
  return sizeOf(
    code,
    kept.map(([path]) => path),
  );
}

/** A Vite production build of one entry that keeps its exports, as a host's page would use them. */
async function viteSize(contents: string, dir: string): Promise<Size> {
  writeFileSync(join(dir, 'entry.js'), contents);
  const output = await viteBuild({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    define: production,
    build: {
      write: false,
      minify: true,
      rollupOptions: { input: join(dir, 'entry.js'), preserveEntrySignatures: 'strict', external },
    },
  });
  const chunk = [output]
    .flat()
    .flatMap((result) => ('output' in result ? result.output : []))
    .find((file) => file.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('Vite built no chunk');
  const modules = Object.entries(chunk.modules)
    .filter(([, module]) => module.renderedLength > 0)
    .map(([id]) => id);
  return sizeOf(chunk.code, modules);
}

async function cssSize(): Promise<Size> {
  const source = readFileSync(join(root, 'styles.css'), 'utf8');
  const { code } = await transform(source, { loader: 'css', minify: true });
  return sizeOf(code);
}

/** Packs core, client and react as published and installs them with npm; returns the folder. */
function installTarballs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seats-budgets-'));
  const kit: Record<string, string> = {};
  for (const name of ['core', 'client', 'react']) {
    const manifest = JSON.parse(readFileSync(join(packages, name, 'package.json'), 'utf8'));
    const output = execFileSync('pnpm', ['pack', '--pack-destination', dir], {
      cwd: join(packages, name),
    });
    kit[manifest.name] = `file:${output.toString().trim().split('\n').at(-1)}`;
  }
  // The peers at the versions the workspace's own tests and source figures use.
  const require = createRequire(join(root, 'package.json'));
  const peers = Object.fromEntries(
    ['react', 'react-dom', '@tanstack/react-query'].map((name) => [
      name,
      JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version,
    ]),
  );
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'seats-budgets',
      private: true,
      type: 'module',
      dependencies: { ...kit, ...peers },
      overrides: Object.fromEntries(Object.keys(kit).map((name) => [name, `$${name}`])),
    }),
  );
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return dir;
}

const meterPage = (react: string) => `export { SeatsProvider, SeatMeter } from '${react}';`;
const widgets = 'SeatsProvider, SeatMeter, AdjustAllowanceDialog, AddUserGuard';
const pages = [
  {
    name: 'meter page',
    entry: meterPage,
    source: 16 * kib,
    tarball: 16 * kib,
  },
  {
    name: 'all three widgets',
    entry: (react: string) => `export { ${widgets} } from '${react}';`,
    source: 36 * kib,
    tarball: 34 * kib,
  },
  {
    // What a page with the kit costs: the client checks responses by their structure in a
    // production build; the full zod contract is for development and tests.
    name: 'all + client',
    entry: (react: string) =>
      `export { ${widgets} } from '${react}'; export { createSeatsClient } from '@seats/client';`,
    source: 40 * kib,
    tarball: 36 * kib,
  },
];

/** Modules only the dialog and the guard use: a meter page that keeps one did not tree-shake. */
const dialogAndGuard = [
  /@radix-ui\/react-focus-scope\//,
  /@radix-ui\/react-dismissable-layer\//,
  /\/@seats\/react\/dist\/(adjust-allowance|add-user-guard|seats-dialog|hide-others|use-focus-guards|member-picker)/,
];

const source = { dir: root, conditions: ['@seats/source'] };
const figure = (size: Size, budget?: number) =>
  `${(size.gzip / kib).toFixed(2).padStart(6)} KiB${budget === undefined ? '' : ` / ${budget / kib}`}`;
let failed = false;
const report = (ok: boolean, line: string) => {
  if (!ok) failed = true;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${line}`);
};

const unbuilt = ['core', 'client', 'react'].filter(
  (name) => !existsSync(join(packages, name, 'dist', 'index.js')),
);
const installed = unbuilt.length === 0 ? installTarballs() : null;
try {
  console.log(`${' '.repeat(23)}gzip: source (src/)    tarball (npm install)`);
  for (const page of pages) {
    const fromSource = await bundleSize(page.entry('./src/index.ts'), source);
    const fromTarball = installed
      ? await bundleSize(page.entry('@seats/react'), { dir: installed, conditions: [] })
      : null;
    report(
      fromSource.gzip <= page.source && (fromTarball?.gzip ?? 0) <= page.tarball,
      `${page.name.padEnd(22)} ${figure(fromSource, page.source)}   ${fromTarball ? figure(fromTarball, page.tarball) : 'not measured'}`,
    );
  }
  const css = await cssSize();
  report(css.gzip <= 4 * kib, `${'styles.css'.padEnd(22)} ${figure(css, 4 * kib)}`);

  if (installed) {
    const meter = meterPage('@seats/react');
    const byEsbuild = await bundleSize(meter, { dir: installed, conditions: [] });
    const byVite = await viteSize(meter, installed);
    for (const [bundler, size] of [
      ['esbuild', byEsbuild],
      ['vite', byVite],
    ] as const) {
      const kept = size.modules.filter((path) => dialogAndGuard.some((m) => m.test(path)));
      report(
        kept.length === 0,
        `meter page by ${bundler.padEnd(7)}  ${figure(size)} gzip (${(size.raw / kib).toFixed(1)} KiB minified) from the tarballs, ${kept.length === 0 ? 'without the dialog and the guard' : `keeps ${kept.map((path) => path.replace(/.*node_modules\//, '')).join(', ')}`}`,
      );
    }
  }

  for (const [name, contents, mode] of [
    ['/query entry', `export * from './src/query.ts';`, 'production'],
    ['@seats/client', `export { createSeatsClient } from '@seats/client';`, 'production'],
    ['client (dev build)', `export { createSeatsClient } from '@seats/client';`, 'development'],
  ] as const) {
    const size = await bundleSize(contents, source, mode);
    console.log(
      `info ${name.padEnd(22)} ${figure(size)} (${(size.raw / kib).toFixed(1)} KiB minified)`,
    );
  }
} finally {
  if (installed) rmSync(installed, { recursive: true, force: true });
}

if (unbuilt.length > 0) {
  console.error(
    `No dist/ in packages/${unbuilt.join(', packages/')}: run \`pnpm build\` first; the tarball figures measure the built packages.`,
  );
  process.exit(1);
}
if (failed) {
  console.error('A bundle is over its budget, or the meter page keeps the dialog or the guard.');
  process.exit(1);
}
