import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CrisisLineList } from '../help/CrisisLineCard';
import { emergencyWords, useCrisisHelp } from '../help/api';
import { EmergencyCalls } from '../help/HelpPage';
import { Loading } from '../../ui/Status';

interface CrisisChoicesProps {
  /** "helping": the lines are for someone else, so no safety plan or listener of one's own. */
  variant: 'self' | 'helping';
  /** Danger now: the emergency number comes first. Otherwise the calmer way in, a crisis line, does. */
  urgent?: boolean;
}

/**
 * What someone can do right now: the emergency number, the crisis lines of their country (call
 * and text), their safety plan and a listener. Shared by the crisis card and the crisis screen.
 */
export function CrisisChoices({ variant, urgent = false }: CrisisChoicesProps) {
  const { t, i18n } = useTranslation();
  const help = useCrisisHelp(null);
  const data = help.data;
  const emergency = emergencyWords(data, i18n.resolvedLanguage ?? 'en', t('help.yourEmergencyNumber'));

  const emergencyBox = (
    <div className="crisis-emergency">
      <p className="crisis-emergency-text">{variant === 'self' ? t('crisis.dangerSelf') : t('crisis.dangerOther')}</p>
      {data ? <EmergencyCalls numbers={data.emergency} /> : <p className="emergency-unknown">{t('help.dangerUnknown')}</p>}
    </div>
  );

  return (
    <div className="crisis-choices">
      {urgent && emergencyBox}

      {help.isPending && <Loading label={t('help.loading')} />}
      {help.isError && !data && (
        <p>
          {t('crisis.linesFailed')}{' '}
          <Link to="/help">
            {t('nav.helpFooter')}
          </Link>
        </p>
      )}
      {data && !data.country && (
        <p>
          {t('crisis.noCountry')}{' '}
          <Link to="/help">
            {t('crisis.chooseCountry')}
          </Link>
        </p>
      )}
      {data && data.country && data.lines.length === 0 && (
        <p>
          {t('help.noLines')}{' '}
          <a href={data.directory.url} rel="noopener noreferrer">
            {data.directory.name}
          </a>
        </p>
      )}
      {data && data.lines.length > 0 && (
        <>
          <p className="crisis-lines-intro">
            {variant === 'self' ? t('crisis.linesSelf', { country: data.countryName }) : t('crisis.linesOther', { country: data.countryName })}
          </p>
          <CrisisLineList lines={data.lines} emergency={emergency} className="card-list crisis-lines" />
        </>
      )}

      {!urgent && emergencyBox}

      {variant === 'self' && (
        <div className="crisis-actions">
          <Link to="/safety-plan" className="button button--primary">
            {t('safety.openPlan')}
          </Link>
          <Link to="/help" className="button button--secondary">
            {t('crisis.listener')}
          </Link>
        </div>
      )}
    </div>
  );
}
