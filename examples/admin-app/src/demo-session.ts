import { useEffect, useState } from 'react';

/** A demo account as the example server lists it. */
export interface DemoAccountInfo {
  id: string;
  name: string;
  roles: string[];
  adminRole: string;
  memberRole: string;
}

export interface DemoSession {
  accountId: string;
  role: string;
}

const storageKey = 'seats-example-session';

/** Who the demo acts as: kept in localStorage and sent as `x-seats-account` / `x-seats-role`. */
export function useDemoSession() {
  const [accounts, setAccounts] = useState<DemoAccountInfo[]>([]);
  const [session, setSession] = useState<DemoSession | null>(() => {
    const saved = localStorage.getItem(storageKey);
    return saved === null ? null : (JSON.parse(saved) as DemoSession);
  });

  useEffect(() => {
    fetch('/api/dev/accounts')
      .then((response) => response.json() as Promise<DemoAccountInfo[]>)
      .then(setAccounts);
  }, []);

  const first = accounts[0];
  const current =
    session ?? (first === undefined ? null : { accountId: first.id, role: first.adminRole });

  const choose = (next: DemoSession) => {
    localStorage.setItem(storageKey, JSON.stringify(next));
    setSession(next);
  };
  return { accounts, session: current, choose };
}
