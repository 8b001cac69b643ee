import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Settings → My reports: the way to what the member reported and what became of it. */
export function MyReportsSection() {
  const { t } = useTranslation();
  return (
    <section className="settings-section" aria-labelledby="my-reports-title">
      <h2 id="my-reports-title">{t('myReports.title')}</h2>
      <p>{t('myReports.settingsIntro')}</p>
      <p>
        <Link to="/reports">{t('myReports.settingsLink')}</Link>
      </p>
    </section>
  );
}
