import type { Options } from 'tsup';

/** The published source files under `dir` (tests, test data and type tests left out). */
export function sourceFiles(dir?: string): string[];

/**
 * tsup options that build each of `entry` into its own file. Its relative imports stay imports of
 * the sibling built file (`.js` for ESM, `.cjs` for CommonJS); each must be one of `importable`
 * (by default the entries), so a file of a build without `"use client"` cannot reach one with it.
 */
export function oneModulePerFile(
  entry: string[],
  importable?: string[],
): Required<Pick<Options, 'entry' | 'bundle' | 'esbuildPlugins'>>;
