import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { api, isApiError } from '../api/client';
import { endSession, useSession } from '../api/session';
import { NotificationsLink } from '../features/notifications/NotificationsLink';
import { AlertsNavLink } from '../features/moderation/AlertsNavLink';
import { usePendingRecoveryCode } from './pendingRecoveryCode';

function Logo() {
  return (
    <svg className="brand-logo" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="currentColor" />
      <circle cx="24" cy="30" r="9" className="brand-logo-mark" />
      <circle cx="40" cy="30" r="9" className="brand-logo-mark" opacity="0.8" />
    </svg>
  );
}

/** The header on every page: home, "Get help now", and the main navigation. */
export function SiteHeader() {
  const { t } = useTranslation();
  const { member, isAdmin, isModerator, canReview, isLoading } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { setPending } = usePendingRecoveryCode();

  const logOut = useMutation({
    mutationFn: () => api<void>('/api/v1/session', { method: 'DELETE' }),
    onSettled: async (_data, error) => {
      // Already logged out on the server is as good as logged out.
      if (error && !(isApiError(error) && error.status === 401)) return;
      // Leave the page first, so a members-only page never flashes "please log in" (flushSync:
      // the next page is on screen before the session is forgotten, not in a later transition).
      await navigate('/', { state: { notice: 'loggedOut' }, flushSync: true });
      setPending(null);
      endSession(queryClient);
    },
  });

  return (
    <header className="site-header">
      <div className="header-inner">
        <div className="header-top">
          <Link to="/" className="brand">
            <Logo />
            {t('app.name')}
          </Link>
          <div className="header-actions">
            {!isLoading && member && <NotificationsLink />}
            <Link to="/help" className="help-now">
              {t('nav.helpNow')}
            </Link>
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="site-nav">
          <ul className="nav-list">
            {!isLoading && member && (
              <>
                <li>
                  <NavLink to="/feed">{t('nav.feed')}</NavLink>
                </li>
                <li>
                  <NavLink to="/needs-reply">{t('nav.needsReply')}</NavLink>
                </li>
              </>
            )}
            <li>
              <NavLink to="/groups">{t('nav.groups')}</NavLink>
            </li>
            <li>
              <NavLink to="/self-care">{t('nav.selfCare')}</NavLink>
            </li>
            {!isLoading && member && (
              <>
                <li>
                  <NavLink to="/support">{t('support.navLink')}</NavLink>
                </li>
                <li>
                  <NavLink to="/meetings">{t('nav.meetings')}</NavLink>
                </li>
                <li>
                  <NavLink to="/search">{t('nav.search')}</NavLink>
                </li>
                <li>
                  <NavLink to="/safety-plan">{t('nav.safetyPlan')}</NavLink>
                </li>
                <li>
                  <NavLink to="/settings">{t('nav.settings')}</NavLink>
                </li>
                {canReview && (
                  <li>
                    <NavLink to="/moderation/queue">{t('nav.reviewQueue')}</NavLink>
                  </li>
                )}
                {isModerator && (
                  <>
                    <li>
                      <AlertsNavLink />
                    </li>
                    <li>
                      <NavLink to="/moderation/audit">{t('nav.auditLog')}</NavLink>
                    </li>
                  </>
                )}
                {isAdmin && (
                  <li>
                    <NavLink to="/admin/members">{t('nav.admin')}</NavLink>
                  </li>
                )}
                <li>
                  <button
                    type="button"
                    className="nav-button"
                    aria-disabled={logOut.isPending || undefined}
                    onClick={() => !logOut.isPending && logOut.mutate()}
                  >
                    {t('nav.logOut')}
                  </button>
                </li>
              </>
            )}
            {!isLoading && !member && (
              <>
                <li>
                  <NavLink to="/login">{t('nav.logIn')}</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">{t('nav.signUp')}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        {logOut.isError && (
          <p className="header-error" role="alert">
            {logOut.error.message}
          </p>
        )}
      </div>
    </header>
  );
}
