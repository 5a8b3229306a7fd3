/**
 * One server process of the commit-kill test: the handler over PostgreSQL, mounted with
 * toNodeHandler on 127.0.0.1, charging through the test's provider over HTTP so that what the
 * provider took outlives this process. The caller's account is the `x-account` header, its role
 * `owner`. Prints the port.
 */
import { createServer } from 'node:http';
import { type BillingProvider, type BillingRequest, createSeatsHandler } from '../src/index';
import { toNodeHandler } from '../src/node';
import { createPostgresStore } from '../src/postgres';

const connectionString = process.env.SEATS_FAULT_DATABASE_URL;
const providerUrl = process.env.SEATS_PROVIDER_URL;
if (connectionString === undefined || providerUrl === undefined)
  throw new Error('SEATS_FAULT_DATABASE_URL and SEATS_PROVIDER_URL must be set');

const ask = async (action: 'charge' | 'credit', request: BillingRequest) => {
  const response = await fetch(`${providerUrl}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) throw new Error(`provider answered ${response.status}`);
  return response.json();
};
const billing: BillingProvider = {
  charge: (request) => ask('charge', request),
  credit: (request) => ask('credit', request),
};

const store = await createPostgresStore({ connectionString, connectionTimeoutMs: 2_000 });
const seats = createSeatsHandler({
  store,
  billing,
  identify: (request) => {
    const accountId = request.headers.get('x-account');
    return accountId === null ? null : { accountId, memberId: null, role: 'owner' };
  },
});
const server = createServer(toNodeHandler(seats));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on ${typeof address === 'object' && address !== null ? address.port : 0}`);
});
