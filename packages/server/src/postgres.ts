export type { PostgresPool, PostgresStoreOptions, PostgresTimeouts } from './create-postgres-store';
export { createPostgresStore } from './create-postgres-store';
export { MigrationsPendingError } from './migrate';
