import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { PageHeading } from '../ui/PageHeading';
import { LoadError, Loading } from '../ui/Status';

/** A safe place to come back to after logging in: a path on this site, never another origin. */
export function safeNext(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}

/** Pages for members: a visitor is sent to log in and brought back afterwards. */
export function RequireMember({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { member, isLoading, isError } = useSession();
  const location = useLocation();
  if (isLoading) return <Loading />;
  if (isError && !member) return <LoadError message={t('errors.network')} onRetry={() => window.location.reload()} />;
  if (!member) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return <>{children}</>;
}

/** Pages for admins only. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { member, isAdmin } = useSession();
  return (
    <RequireMember>
      {member && !isAdmin ? (
        <>
          <PageHeading>{t('admin.notAllowedTitle')}</PageHeading>
          <p>{t('admin.notAllowed')}</p>
          <p>
            <Link to="/">{t('notFound.home')}</Link>
          </p>
        </>
      ) : (
        children
      )}
    </RequireMember>
  );
}

/**
 * Pages for moderators (and admins, who may do everything a moderator does). `orGroupModerator`:
 * the review queue, which a group's moderator also has (for their groups).
 */
export function RequireModerator({ children, orGroupModerator = false }: { children: ReactNode; orGroupModerator?: boolean }) {
  const { t } = useTranslation();
  const { member, isModerator, canReview } = useSession();
  const allowed = orGroupModerator ? canReview : isModerator;
  return (
    <RequireMember>
      {member && !allowed ? (
        <>
          <PageHeading>{t('alerts.notAllowedTitle')}</PageHeading>
          <p>{t('alerts.notAllowed')}</p>
          <p>
            <Link to="/">{t('notFound.home')}</Link>
          </p>
        </>
      ) : (
        children
      )}
    </RequireMember>
  );
}
