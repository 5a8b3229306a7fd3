import type { Summary } from '@seats/client';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { clientFor } from '../test/mock-api';
import {
  SeatsProvider,
  useCreateMember,
  useDeleteMember,
  useSeatsSummary,
  useUpdateMember,
} from './index';

const usedOf = (summary: Summary | undefined) =>
  summary?.access === 'full' ? summary.usage.used : undefined;

function wrapper({ children }: { children: ReactNode }) {
  return (
    <SeatsProvider client={clientFor('total-with-terms-no-self-decrease', 'System Admin')}>
      {children}
    </SeatsProvider>
  );
}

describe('member mutation hooks', () => {
  it('create, deactivate and delete a member, each refreshing the summary (OpenCRM)', async () => {
    const { result } = renderHook(
      () => ({
        summary: useSeatsSummary(),
        create: useCreateMember(),
        update: useUpdateMember(),
        remove: useDeleteMember(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(usedOf(result.current.summary.data)).toBe(9));

    let id = '';
    await act(async () => {
      const member = await result.current.create.mutateAsync({
        name: 'Ada',
        email: 'ada@example.com',
        status: 'Active',
        role: 'Standard User',
        poolId: 'users',
      });
      id = member.id;
    });
    expect(usedOf(result.current.summary.data)).toBe(10);

    await act(() => result.current.update.mutateAsync({ id, changes: { status: 'Inactive' } }));
    expect(usedOf(result.current.summary.data)).toBe(9);

    await act(() => result.current.update.mutateAsync({ id, changes: { status: 'Active' } }));
    expect(usedOf(result.current.summary.data)).toBe(10);
    await act(() => result.current.remove.mutateAsync(id));
    expect(usedOf(result.current.summary.data)).toBe(9);
  });

  it('report a refusal as the error of the mutation and change nothing', async () => {
    const { result } = renderHook(
      () => ({ summary: useSeatsSummary(), remove: useDeleteMember() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.summary.data).toBeDefined());
    await act(async () => {
      await result.current.remove.mutateAsync('mem_missing').catch(() => undefined);
    });
    await waitFor(() => expect(result.current.remove.isError).toBe(true));
    expect(result.current.remove.error?.name).toBe('NotFoundError');
    expect(usedOf(result.current.summary.data)).toBe(9);
  });
});
