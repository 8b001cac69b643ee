import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** A recovery code shown once and not yet confirmed as saved. Memory only: never storage. */
export interface PendingRecoveryCode {
  code: string;
  handle: string;
  issuedAt: number;
  /** The page that shows the keep-it step, so the person can come back to it. */
  shownAt: string;
}

interface Store {
  pending: PendingRecoveryCode | null;
  setPending: (value: PendingRecoveryCode | null) => void;
}

const Context = createContext<Store | null>(null);

/**
 * Keeps a just-issued recovery code above the router, so it survives re-renders, the
 * session changing and a visit to another page, until the person confirms it is saved.
 * (A closed tab loses it; a member who is still logged in can get a new one in Settings.)
 */
export function PendingRecoveryCodeProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<PendingRecoveryCode | null>(null);

  const value = useMemo(() => ({ pending, setPending }), [pending]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function usePendingRecoveryCode(): Store {
  const store = useContext(Context);
  if (!store) throw new Error('usePendingRecoveryCode needs PendingRecoveryCodeProvider');
  return store;
}
