import { readFileSync, rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { oneModulePerFile, sourceFiles } from '../../scripts/one-module-per-file.mjs';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Marks each top-level `forwardRef` and `createContext` call pure: a host's bundler cannot know that
 * React's calls have no side effects, and would keep a part the page never renders.
 */
const pureComponents: Plugin = {
  name: 'pure-components',
  setup(build) {
    build.onLoad({ filter: /\/src\/.*\.tsx?$/ }, ({ path }) => ({
      contents: readFileSync(path, 'utf8').replace(
        /^((?:export )?const \w+(?::[^=]+)? = )(forwardRef|createContext)\b/gm,
        '$1/* @__PURE__ */ $2',
      ),
      loader: path.endsWith('.tsx') ? 'tsx' : 'ts',
    }));
  },
};

/** One module per file, with the top-level components and contexts marked pure. */
function perFile(entry: string[], importable?: string[]): Options {
  const options = oneModulePerFile(entry, importable);
  return { ...options, esbuildPlugins: [...options.esbuildPlugins, pureComponents] };
}

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
      ...perFile(clientFiles, [...clientFiles, ...serverFiles]),
      // Every other file holds a client component, a hook or what they render: keep the directive
      // at the top of each built file.
      banner: { js: '"use client";' },
      // Both entries' types from one program: alone, `query` cannot name the core types it returns.
      dts: { entry: { index: 'src/index.ts', query: 'src/query.ts' } },
    },
    { ...shared, ...perFile(serverFiles) },
  ];
});
