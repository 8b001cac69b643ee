import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../api/session';
import { loginPath } from '../../app/guards';
import { PageHeading } from '../../ui/PageHeading';
import '../moods/selfcare.css';

/** /self-care: one link in the navigation, leading to the self-check, moods, the journal and the library. */
export function SelfCarePage() {
  const { t } = useTranslation();
  const { member } = useSession();
  const items = [
    { to: '/self-check', key: 'selfCheck', membersOnly: false },
    { to: '/moods', key: 'moods', membersOnly: true },
    { to: '/journal', key: 'journal', membersOnly: true },
    { to: '/resources', key: 'resources', membersOnly: false },
  ] as const;
  return (
    <>
      <PageHeading>{t('selfCare.hub.title')}</PageHeading>
      <p>{t('selfCare.hub.intro')}</p>
      <ul className="selfcare-hub">
        {items.map((item) => (
          <li key={item.key} className="card">
            <h2 className="card-title">
              <Link to={item.membersOnly && !member ? loginPath(item.to) : item.to}>{t(`selfCare.hub.${item.key}.title`)}</Link>
            </h2>
            <p className="card-text">{t(`selfCare.hub.${item.key}.text`)}</p>
            {item.membersOnly && !member && <p className="card-meta">{t('selfCare.hub.membersOnly')}</p>}
          </li>
        ))}
      </ul>
      <p>{t('selfCare.hub.private')}</p>
    </>
  );
}
