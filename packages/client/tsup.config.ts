import { defineConfig } from 'tsup';
import { oneModulePerFile, sourceFiles } from '../../scripts/one-module-per-file.mjs';

export default defineConfig({
  ...oneModulePerFile(sourceFiles('src')),
  format: ['esm', 'cjs'],
  // The public entry's types; the other files are reached only through it.
  dts: { entry: ['src/index.ts'] },
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
