// A host's bundler drops a whole module that a page does not use (`sideEffects: false`), never a
// part of one: the packages publish one module per source file so that a meter-only page leaves
// the dialog, the guard and what only they import out of its bundle.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const sourceExtensions = ['.ts', '.tsx'];

/** The published source files under `dir` (tests, test data and type tests left out). */
export function sourceFiles(dir = 'src') {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => sourceExtensions.some((extension) => name.endsWith(extension)))
    .filter((name) => !name.includes('.test') && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name).replaceAll('\\', '/'))
    .sort();
}

/** The source file a relative import names: `./format` is `format.ts` or `format.tsx`. */
function sourceOf(resolveDir, path) {
  const base = resolve(resolveDir, path);
  const candidates = [base, ...sourceExtensions.map((extension) => base + extension)];
  return candidates.find((candidate) => existsSync(candidate));
}

/**
 * tsup options that build each of `entry` into its own file. Its relative imports stay imports of
 * the sibling built file (`.js` for ESM, `.cjs` for CommonJS); each must be one of `importable`
 * (by default the entries), so a file of a build without `"use client"` cannot reach one with it.
 */
export function oneModulePerFile(entry, importable = entry) {
  const allowed = new Set(importable.map((file) => resolve(file)));
  return {
    entry,
    bundle: true,
    esbuildPlugins: [
      {
        name: 'one-module-per-file',
        setup(build) {
          const extension = build.initialOptions.format === 'cjs' ? '.cjs' : '.js';
          build.onResolve({ filter: /^\.\.?\// }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            const file = sourceOf(args.resolveDir, args.path);
            if (file === undefined || !allowed.has(file)) {
              const from = relative(process.cwd(), args.importer);
              return { errors: [{ text: `${from} imports ${args.path}, not built beside it` }] };
            }
            const path = args.path.replace(/\.tsx?$/, '');
            return { path: `${path}${extension}`, external: true };
          });
        },
      },
    ],
  };
}
