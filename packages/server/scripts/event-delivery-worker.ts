/**
 * A delivery worker of the event suite, in its own process so that the suite can kill it with
 * SIGKILL mid-delivery: `jobs.deliver()` over PostgreSQL until nothing is due, to one webhook.
 */
import pg from 'pg';
import { createDevBilling, createSeatsJobs } from '../src/index';
import { createPostgresStore } from '../src/postgres';

const { SEATS_DELIVERY_DATABASE_URL, SEATS_DELIVERY_SCHEMA, SEATS_DELIVERY_WEBHOOK } = process.env;
const secret = process.env.SEATS_DELIVERY_SECRET;
if (
  SEATS_DELIVERY_DATABASE_URL === undefined ||
  SEATS_DELIVERY_SCHEMA === undefined ||
  SEATS_DELIVERY_WEBHOOK === undefined ||
  secret === undefined
)
  throw new Error('SEATS_DELIVERY_DATABASE_URL, _SCHEMA, _WEBHOOK and _SECRET must be set');

const pool = new pg.Pool({
  connectionString: SEATS_DELIVERY_DATABASE_URL,
  max: 2,
  options: `-c search_path=${SEATS_DELIVERY_SCHEMA}`,
});
const store = await createPostgresStore({ pool });
const jobs = createSeatsJobs({
  store,
  billing: createDevBilling(),
  deliveries: {
    webhooks: [{ id: 'crm', url: SEATS_DELIVERY_WEBHOOK, secret, timeoutMs: 60_000 }],
    batchSize: 10,
    concurrency: 2,
  },
});
console.log('delivering');
for (;;) {
  const report = await jobs.deliver();
  console.log(JSON.stringify(report));
  if (report.claimed === 0) break;
}
await store.close();
await pool.end();
