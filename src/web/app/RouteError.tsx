import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../ui/PageHeading';

/** Shown when a page fails to load or crashes; the header (and help) stay usable. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('routeError.title')}</PageHeading>
      <p>{t('routeError.body')}</p>
      <p className="button-row">
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </button>
      </p>
      <p>
        <Link to="/help">{t('routeError.help')}</Link>
      </p>
    </>
  );
}
