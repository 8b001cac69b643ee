import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { RecoveryCodeStep } from '../ui/RecoveryCodeStep';

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

/** Keeps a code just issued by the page at `shownAt`, for its keep-it step. */
export function useShowRecoveryCode(shownAt: string): (code: string, handle: string) => void {
  const { setPending } = usePendingRecoveryCode();
  return (code, handle) => setPending({ code, handle, issuedAt: Date.now(), shownAt });
}

interface PendingRecoveryCodeGateProps {
  /** The page (path) the code was issued on: only there is the keep-it step shown. */
  shownAt: string;
  /** 1 when the step is the page; 3 inside a Settings section. */
  headingLevel?: 1 | 3;
  /** Runs once the person says the code is saved, after the code is forgotten. */
  onContinue: () => void;
  children: ReactNode;
}

/** Shows the keep-it step instead of `children` while a code issued at `shownAt` is not yet saved. */
export function PendingRecoveryCodeGate({ shownAt, headingLevel, onContinue, children }: PendingRecoveryCodeGateProps) {
  const { pending, setPending } = usePendingRecoveryCode();
  if (!pending || pending.shownAt !== shownAt) return children;
  return (
    <RecoveryCodeStep
      code={pending.code}
      handle={pending.handle}
      issuedAt={pending.issuedAt}
      headingLevel={headingLevel}
      onContinue={() => {
        setPending(null);
        onContinue();
      }}
    />
  );
}
