import type { EventOutbox } from './event-outbox';
import type { SeatsStore } from './seats-store';

type Methods<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K];
};

const storeMethods = [
  'loadAccount',
  'createAccount',
  'getMember',
  'getMemberByExternalId',
  'deleteAccount',
  'listMembers',
  'createMember',
  'updateMember',
  'deleteMember',
  'insertQuote',
  'listChanges',
  'openChanges',
  'chargingChanges',
  'getChange',
  'newestOpenChanges',
  'analyze',
  'transaction',
  'ping',
  'accountsDue',
  'claimPeriodCharges',
  'listPeriodEnds',
  'expiredSignatures',
  'prune',
  'clear',
] as const satisfies readonly (keyof Methods<SeatsStore>)[];
const outboxMethods = [
  'claim',
  'record',
  'list',
  'requeue',
] as const satisfies readonly (keyof Methods<EventOutbox>)[];

// Fails to compile when the store or the outbox gains a method the lazy store does not forward.
type Unforwarded =
  | Exclude<keyof Methods<SeatsStore>, (typeof storeMethods)[number] | 'close'>
  | Exclude<keyof Methods<EventOutbox>, (typeof outboxMethods)[number]>;
const everyMethodForwarded: [Unforwarded] extends [never] ? true : Unforwarded = true;
void everyMethodForwarded;

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
  // Each method waits for the store, then calls the same method on it.
  const forward = <T extends object, K extends keyof Methods<T>>(
    target: () => Promise<T>,
    key: K,
  ) =>
    (async (...args: unknown[]) => {
      const value = await target();
      return (value[key] as (...a: unknown[]) => unknown).apply(value, args);
    }) as T[K];
  const methods = <T extends object>(target: () => Promise<T>, keys: (keyof Methods<T>)[]) =>
    Object.fromEntries(keys.map((key) => [key, forward(target, key)])) as unknown as Methods<T>;

  const outbox = methods<EventOutbox>(
    async () => (await store()).outbox,
    ['claim', 'record', 'list', 'requeue'],
  );
  const lazy: Methods<SeatsStore> = {
    ...methods<SeatsStore>(store, [...storeMethods]),
    async close() {
      if (opening !== null) await (await opening).close();
    },
  };
  return {
    ...lazy,
    outbox,
    get driver() {
      if (opened === null)
        throw new Error('The store is not open yet: its driver is known after its first use.');
      return opened.driver;
    },
  };
}
