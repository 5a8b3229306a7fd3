export type { PgliteStoreOptions } from './create-pglite-store';
export { createPgliteStore } from './create-pglite-store';
