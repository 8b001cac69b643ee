import { Suspense, useEffect, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { applyLanguage } from '../i18n';
import { Loading, Notice } from '../ui/Status';
import { MyNotices } from '../features/moderation/MyNotices';
import { SiteHeader } from './SiteHeader';
import { usePendingRecoveryCode } from './pendingRecoveryCode';

/** Pages where nothing but help should be on screen: a moderator's notice waits for another page. */
const CALM_PATHS = ['/help', '/safety-plan'];

/** Short messages a page can leave for the next one, e.g. after logging out. */
export const NOTICES = ['loggedOut', 'loggedOutEverywhere', 'welcome', 'recovered', 'accountDeleted'] as const;
export type NoticeName = (typeof NOTICES)[number];

function noticeOf(state: unknown): NoticeName | null {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return NOTICES.find((n) => n === notice) ?? null;
}

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const { member } = useSession();
  const { pending } = usePendingRecoveryCode();
  const notice = noticeOf(location.state);

  useEffect(() => applyLanguage(member?.language), [member?.language]);

  const skipToMain = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    document.getElementById('main')?.focus();
  };

  return (
    <>
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {t('nav.skip')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="site-main">
        {pending && location.pathname !== pending.shownAt && (
          <Notice tone="info">
            <p>
              {t('recovery.pendingBanner')} <Link to={pending.shownAt}>{t('recovery.pendingLink')}</Link>
            </p>
          </Notice>
        )}
        {notice && (
          <Notice tone="success" live>
            <p>{t(`notices.${notice}`)}</p>
          </Notice>
        )}
        {member && !CALM_PATHS.includes(location.pathname) && <MyNotices />}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      {/* A new page starts at its top, with Get help now in view; Back returns to where the reader was. */}
      <ScrollRestoration />
      <footer className="site-footer">
        <div className="footer-inner">
          <nav aria-label={t('nav.footerLabel')}>
            <ul className="footer-list">
              <li>
                <Link to="/guidelines">{t('nav.guidelines')}</Link>
              </li>
              <li>
                <Link to="/help">{t('nav.helpFooter')}</Link>
              </li>
            </ul>
          </nav>
          <p className="footer-note">{t('footer.note')}</p>
        </div>
      </footer>
    </>
  );
}
