import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../api/session';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { useGroups } from '../groups/api';
import { GroupCard } from '../groups/GroupCard';

const POINTS = ['peers', 'anonymous', 'notCrisis'] as const;

function YourGroups() {
  const { t } = useTranslation();
  const groups = useGroups();
  const joined = groups.data?.filter((g) => g.joined) ?? [];
  return (
    <section>
      <h2 id="your-groups-title">{t('home.yourGroups')}</h2>
      {groups.isPending && <Loading label={t('groups.loading')} />}
      {groups.isError && <LoadError message={groups.error.message} onRetry={() => void groups.refetch()} />}
      {groups.isSuccess && joined.length === 0 && (
        <p>
          {t('home.noGroups')} <Link to="/groups">{t('home.browseGroups')}</Link>
        </p>
      )}
      {joined.length > 0 && (
        <>
          <ul className="card-list">
            {joined.map((group) => (
              <li key={group.id}>
                <GroupCard group={group} headingLevel={3} />
              </li>
            ))}
          </ul>
          <p>
            <Link to="/groups">{t('home.allGroups')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { member, isLoading } = useSession();

  return (
    <>
      <PageHeading title={t('home.documentTitle')}>{member ? t('home.welcomeBack', { handle: member.handle }) : t('home.title')}</PageHeading>
      <p className="lead">{t('home.lead')}</p>

      <ul className="points">
        {POINTS.map((point) => (
          <li key={point}>
            <strong>{t(`home.points.${point}.title`)}</strong> {t(`home.points.${point}.body`)}
          </li>
        ))}
      </ul>

      <div className="notice notice--help">
        <p>
          {t('home.crisis')} <Link to="/help">{t('home.crisisLink')}</Link>
        </p>
      </div>

      {!isLoading && !member && (
        <div className="button-row cta-row">
          <Link to="/signup" className="button button--primary">
            {t('home.ctaJoin')}
          </Link>
          <Link to="/groups" className="button button--secondary">
            {t('home.browseGroups')}
          </Link>
          <Link to="/login" className="button button--quiet">
            {t('home.ctaLogIn')}
          </Link>
        </div>
      )}

      {member && <YourGroups />}
    </>
  );
}
