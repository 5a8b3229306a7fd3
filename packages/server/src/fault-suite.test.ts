import { describe, expect, it } from 'vitest';
import { formatFaultReport, runFaultSuite } from './fault-suite';
import { announceSkippedPostgres, testDatabaseUrl } from './postgres-test-schema';

announceSkippedPostgres('the fault suite (server processes, terminated backends, kill -9)');

describe.skipIf(testDatabaseUrl === undefined)(
  'fault suite (small; full size in pnpm bench)',
  () => {
    it('keeps every process up and every invariant through terminated backends, a refusing database, kill -9 and hostile requests', async () => {
      const report = await runFaultSuite({ url: testDatabaseUrl as string, size: 'small' });
      console.log(formatFaultReport(report));
      expect(report.deaths).toEqual({});
      for (const figures of report.scenarios) {
        expect(figures.serverErrors, figures.scenario).toBe(0);
        const [alive, meant] = figures.alive.split('/');
        expect(alive, figures.scenario).toBe(meant);
      }
      const [terminated, midTransaction, refused, killed, hostile] = report.scenarios;
      expect(terminated?.faults).toBeGreaterThan(0);
      expect(midTransaction?.faults).toBeGreaterThan(0);
      expect(refused?.unavailable).toBeGreaterThan(0);
      expect(killed?.ok).toBeGreaterThan(0);
      expect(hostile?.ok).toBeLessThan(hostile?.requests ?? 0);
      expect(report.renames.exhausted).toBe(0);
      expect(report.renames.applied).toBeGreaterThan(0);
      expect(report.scenarios[5]?.ok).toBeGreaterThan(0);
      expect(report.invariants).toMatchObject({
        oversubscribedPools: 0,
        unbalancedRemovals: 0,
        keysWithSeveralChanges: 0,
      });
      expect(report.invariants.changes).toBeGreaterThan(0);
    }, 180_000);
  },
);
