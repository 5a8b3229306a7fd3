export type {
  PostgresPool,
  PostgresPoolClient,
  PostgresStoreOptions,
  PostgresTimeouts,
} from './create-postgres-store';
export { createPostgresStore } from './create-postgres-store';
export { MigrationsPendingError } from './migrate';
