import type { SeatsClient } from '@seats/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

interface OutboxMessage {
  id: string;
  accountId: string;
  changeId: string;
  token: string;
  sentAt: string;
  summary: string;
}

/** Where e-signature requests land in development, standing in for the email a real host sends. */
export function OutboxPage({ client, accountId }: { client: SeatsClient; accountId: string }) {
  const queryClient = useQueryClient();
  const outbox = useQuery({
    queryKey: ['outbox', accountId],
    queryFn: async () => {
      const response = await fetch(`/api/dev/outbox?account=${encodeURIComponent(accountId)}`);
      return (await response.json()) as OutboxMessage[];
    },
  });
  const [signed, setSigned] = useState<Record<string, string>>({});

  return (
    <section aria-labelledby="outbox-title">
      <h1 id="outbox-title">Outbox</h1>
      <p>E-signature requests sent to the company's email address arrive here in development.</p>
      {outbox.data?.length === 0 && <p>No messages.</p>}
      <ul className="app-list" aria-label="Messages">
        {outbox.data?.map((message) => (
          <li key={message.id}>
            <span>
              {new Date(message.sentAt).toLocaleString('en')}: {message.summary}
            </span>
            {signed[message.id] ? (
              <span role="status">{signed[message.id]}</span>
            ) : (
              <button
                type="button"
                onClick={async () => {
                  try {
                    await client.signChange(message.changeId, { token: message.token });
                    setSigned((current) => ({ ...current, [message.id]: 'Signed' }));
                  } catch (failure) {
                    const text = failure instanceof Error ? failure.message : String(failure);
                    setSigned((current) => ({ ...current, [message.id]: text }));
                  }
                  await queryClient.invalidateQueries({ queryKey: ['seats'] });
                }}
              >
                Sign purchase
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
