import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A quiet "loading" line, announced politely. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}

/** A kind error with an optional retry. */
export function LoadError({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('app.tryAgain')}
        </button>
      )}
    </div>
  );
}

/** A calm message box. `live` makes it a polite status region. */
export function Notice({ children, tone = 'info', live = false }: { children: ReactNode; tone?: 'info' | 'success' | 'error'; live?: boolean }) {
  return (
    <div className={`notice notice--${tone}`} role={live ? 'status' : undefined}>
      {children}
    </div>
  );
}
