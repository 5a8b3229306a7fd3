import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

// Storybook, its add-ons and React are dependencies of the stories package, not of the repository
// root: resolve them from there, and make it Vite's root.
const storiesDir = fileURLToPath(new URL('../stories/', import.meta.url));
const reactSourceDir = fileURLToPath(new URL('../packages/react/src/', import.meta.url));
const require = createRequire(`${storiesDir}package.json`);
function packageDir(name: string): string {
  const entry = require.resolve(name);
  const folder = `node_modules/${name}`;
  return entry.slice(0, entry.lastIndexOf(folder) + folder.length);
}

const config: StorybookConfig = {
  framework: packageDir('@storybook/react-vite'),
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.tsx'],
  addons: [
    {
      name: packageDir('@storybook/addon-docs'),
      // Tables in the MDX pages are GitHub-flavoured Markdown.
      options: {
        mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [require('remark-gfm').default] } },
      },
    },
    packageDir('@storybook/addon-a11y'),
    packageDir('@storybook/addon-vitest'),
    packageDir('msw-storybook-addon'),
  ],
  // The service worker of MSW, served at the root so that it controls every story.
  staticDirs: ['../stories/public'],
  core: { disableTelemetry: true },
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: `${storiesDir}tsconfig.json`,
      // The widgets' props are read from the source of @seats/react.
      include: [`${storiesDir}*.tsx`, `${reactSourceDir}*.tsx`],
      exclude: ['**/*.stories.tsx', '**/*.test.tsx'],
    },
  },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    root: storiesDir,
    resolve: {
      ...viteConfig.resolve,
      // The kit's packages point this condition at their source, so nothing is built first; the
      // rest are Vite's default client conditions.
      conditions: ['@seats/source', 'module', 'browser', 'development|production'],
    },
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      // PGlite loads its WebAssembly and data files next to its module; pre-bundling would move them.
      exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), '@electric-sql/pglite'],
    },
  }),
};

export default config;
