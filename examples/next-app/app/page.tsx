import { createSeatsClient } from '@seats/client';
import { summaryQueryOptions } from '@seats/react/query';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { demoAccount } from './demo-account';
import { seatsHandler } from './seats-handler';
import { SeatsPanel } from './seats-panel';

// The summary is per request and per account: render on each request, never at build time.
export const dynamic = 'force-dynamic';

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { accountId, role } = demoAccount((await searchParams).account);
  const handler = await seatsHandler();
  // The same client the browser uses, but its fetch calls the handler in process.
  const client = createSeatsClient({
    baseUrl: 'http://in-process/api/seats',
    fetch: (input, init) => handler(new Request(input, init)),
    headers: { 'x-seats-account': accountId, 'x-seats-role': role },
  });
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery(summaryQueryOptions(client, accountId));

  return (
    <main>
      <h1>Team licences</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SeatsPanel accountId={accountId} role={role} />
      </HydrationBoundary>
    </main>
  );
}
