import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** After the crisis card is closed, help stays one tap away beside what was written. */
export function HelpStaysNote() {
  const { t } = useTranslation();
  return (
    <div className="notice notice--help">
      <p>{t('safety.helpStays')}</p>
      <p className="draft-safety-links">
        <Link to="/help">{t('nav.helpNow')}</Link>
        <Link to="/safety-plan">{t('safety.myPlan')}</Link>
      </p>
    </div>
  );
}
