import { openPgliteStore, type PgliteStoreOptions } from './create-pglite-store';
import type { SeatsStore } from './seats-store';

export type { PgliteStoreOptions } from './create-pglite-store';

/** The store on an embedded PGlite database (zero set-up); migrations are applied before it resolves. */
export function createPgliteStore(options: PgliteStoreOptions = {}): Promise<SeatsStore> {
  // Imported from node_modules when the store opens, never bundled: PGlite bundled by webpack
  // (Next.js `--webpack`) fails to read its WebAssembly and data files, so a host would need
  // `serverExternalPackages`. Turbopack and Vite leave it as it is or bundle it correctly.
  return openPgliteStore(options, () => import(/* webpackIgnore: true */ '@electric-sql/pglite'));
}
