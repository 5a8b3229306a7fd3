import type { SeatsClient } from '@seats/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { moment } from './dates';
import { describeFailure } from './feedback';

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
    <div className="app-stack">
      {outbox.data?.length === 0 && <p className="app-empty">No messages.</p>}
      <ul className="app-list" aria-label="Messages">
        {outbox.data?.map((message) => (
          <li key={message.id}>
            <span>
              <span className="app-muted">{moment(message.sentAt)}</span> {message.summary}
            </span>
            {signed[message.id] ? (
              <span role="status">{signed[message.id]}</span>
            ) : (
              <button
                type="button"
                className="app-primary"
                onClick={async () => {
                  try {
                    await client.signChange(message.changeId, { token: message.token });
                    setSigned((current) => ({ ...current, [message.id]: 'Signed' }));
                  } catch (failure) {
                    const text = describeFailure(failure);
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
    </div>
  );
}
