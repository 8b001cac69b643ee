import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

// The path whose heading last took focus. The first page load keeps the browser's own
// focus (the skip link comes first); every later navigation moves focus to the new h1.
let lastFocusedPath = typeof window === 'undefined' ? '' : window.location.pathname;

interface PageHeadingProps {
  children: ReactNode;
  /** The document title; defaults to the heading text. */
  title?: string | undefined;
  /** Take focus when it appears even without a navigation (a step that replaces a form). */
  focusOnMount?: boolean;
}

/** The page's one h1: sets document.title and receives focus after navigation. */
export function PageHeading({ children, title, focusOnMount = false }: PageHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  const text = title ?? (typeof children === 'string' ? children : undefined);

  useEffect(() => {
    document.title = text ? t('app.documentTitle', { page: text }) : t('app.name');
  }, [text, t]);

  useEffect(() => {
    if (focusOnMount || pathname !== lastFocusedPath) {
      lastFocusedPath = pathname;
      ref.current?.focus();
    }
  }, [pathname, focusOnMount]);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
