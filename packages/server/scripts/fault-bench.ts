/**
 * The fault suite at full size: server processes on PostgreSQL (SEATS_TEST_DATABASE_URL) under
 * load while backends are terminated, the database refuses connections, a process is killed and
 * hostile requests arrive. Prints what it measured; asserts nothing.
 */
import { formatFaultReport, runFaultSuite } from '../src/fault-suite';
import { testDatabaseUrl } from '../src/postgres-test-schema';

if (testDatabaseUrl === undefined) {
  console.log('fault suite skipped: set SEATS_TEST_DATABASE_URL to run it');
} else {
  const report = await runFaultSuite({ url: testDatabaseUrl, size: 'full', log: console.log });
  console.log(formatFaultReport(report));
}
