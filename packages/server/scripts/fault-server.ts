/**
 * One server process of the fault suite: the handler over PostgreSQL, mounted with toNodeHandler on
 * 127.0.0.1. The caller's account is the `x-account` header, its role `owner`. Prints the port.
 */
import { createServer } from 'node:http';
import { createDevBilling, createSeatsHandler } from '../src/index';
import { toNodeHandler } from '../src/node';
import { createPostgresStore } from '../src/postgres';

const connectionString = process.env.SEATS_FAULT_DATABASE_URL;
if (connectionString === undefined) throw new Error('SEATS_FAULT_DATABASE_URL is not set');

const store = await createPostgresStore({
  connectionString,
  connectionTimeoutMs: 2_000,
  statementTimeoutMs: 5_000,
  lockTimeoutMs: 3_000,
});
const seats = createSeatsHandler({
  store,
  // Charges are approved and recorded by the development provider, named as such.
  billing: createDevBilling(),
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
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void store.close().then(() => process.exit(0));
});
