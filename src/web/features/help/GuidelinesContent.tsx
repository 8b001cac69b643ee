import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const ITEMS = ['kind', 'safe', 'open', 'privacy', 'peers', 'yourself'] as const;

/** The community guidelines, shared by their page and the sign-up dialog. */
export function GuidelinesContent({ onHelpLink }: { onHelpLink?: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="lead">{t('guidelines.intro')}</p>
      <ol className="guidelines-list">
        {ITEMS.map((item) => (
          <li key={item}>
            <strong>{t(`guidelines.items.${item}.title`)}</strong> {t(`guidelines.items.${item}.body`)}
          </li>
        ))}
      </ol>
      <div className="notice notice--info">
        <p>
          {t('guidelines.crisis')}{' '}
          <Link to="/help" onClick={onHelpLink}>
            {t('guidelines.crisisLink')}
          </Link>
        </p>
      </div>
      <p>{t('guidelines.moderation')}</p>
    </>
  );
}
