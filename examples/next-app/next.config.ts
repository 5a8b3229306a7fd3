import type { NextConfig } from 'next';

const workspacePackages = ['@seats/client', '@seats/core', '@seats/react', '@seats/server'];

const config: NextConfig = {
  // The kit's packages are compiled from their TypeScript source in this workspace.
  transpilePackages: workspacePackages,
  // PGlite loads its WebAssembly and data files from its own folder at run time.
  serverExternalPackages: ['@electric-sql/pglite'],
  webpack(webpackConfig) {
    // Resolve the workspace packages to `src/` through their `@seats/source` export condition.
    webpackConfig.resolve.conditionNames = [
      '@seats/source',
      ...(webpackConfig.resolve.conditionNames ?? ['...']),
    ];
    return webpackConfig;
  },
};

export default config;
