import type { ReactNode } from 'react';

/** A page-filling message: loading, an error, "no access". */
export function CenteredMessage({ children, busy = false }: { children: ReactNode; busy?: boolean }) {
  return (
    <main className="centered-message" aria-busy={busy || undefined}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </main>
  );
}
