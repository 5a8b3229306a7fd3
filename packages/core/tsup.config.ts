import { defineConfig } from 'tsup';
import { oneModulePerFile, sourceFiles } from '../../scripts/one-module-per-file.mjs';

export default defineConfig({
  ...oneModulePerFile(sourceFiles('src')),
  format: ['esm', 'cjs'],
  // The public entries' types; the other files are reached only through them.
  dts: { entry: ['src/index.ts', 'src/contract.ts'] },
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
