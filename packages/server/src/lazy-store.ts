import type { SeatsStore } from './seats-store';

/**
 * A store that opens on its first use, so that a module creating it at the top level (a Next.js
 * route, a serverless function) opens no database while it is built or imported. A failed opening
 * fails the calls waiting on it, and the next call tries again.
 *
 * ```ts
 * const store = lazyStore(() => createPgliteStore({ dataDir: '.data/seats' }));
 * ```
 */
export function lazyStore(open: () => Promise<SeatsStore>): SeatsStore {
  let opening: Promise<SeatsStore> | null = null;
  let opened: SeatsStore | null = null;
  const store = () => {
    opening ??= open().then(
      (value) => {
        opened = value;
        return value;
      },
      (error: unknown) => {
        opening = null;
        throw error;
      },
    );
    return opening;
  };
  return new Proxy({} as SeatsStore, {
    get(_, key) {
      if (key === 'then') return undefined;
      if (key === 'driver') {
        if (opened === null)
          throw new Error('The store is not open yet: its driver is known after its first use.');
        return opened.driver;
      }
      if (key === 'close')
        return async () => {
          if (opening !== null) await (await opening).close();
        };
      return async (...args: unknown[]) => {
        const target = await store();
        const method = target[key as keyof SeatsStore] as unknown as (...a: unknown[]) => unknown;
        return method.apply(target, args);
      };
    },
  });
}
