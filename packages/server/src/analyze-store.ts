import type { SeatsStore } from './seats-store';

/**
 * Refreshes the database's statistics of the Seats tables. Migrations and large imports do it
 * themselves; call it on a schedule as well (e.g. with the period-end job, every few hours), since
 * PGlite runs no autovacuum and a planner without statistics reads whole tables for every page.
 */
export function analyzeStore(store: SeatsStore): Promise<void> {
  return store.analyze();
}
