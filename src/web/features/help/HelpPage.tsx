import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { CrisisHelp } from '../../../shared/api';
import { formatDate } from '../../i18n';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Status';
import { emergencyWords, FALLBACK_DIRECTORY, useCrisisHelp } from './api';
import { CrisisLineList } from './CrisisLineCard';
import { HelpingTips } from './HelpingTips';

/** The emergency numbers as big call buttons, or what to do when the country is not known. */
export function EmergencyCalls({ numbers }: { numbers: CrisisHelp['emergency'] }) {
  const { t } = useTranslation();
  if (numbers.length === 0) return <p className="emergency-unknown">{t('help.dangerUnknown')}</p>;
  return (
    <ul className="emergency-list">
      {numbers.map((e) => (
        <li key={e.number}>
          <a className="emergency-call" href={`tel:${e.number}`}>
            {t('help.call', { number: e.number })}
          </a>
          <span className="contact-note">{e.label}</span>
        </li>
      ))}
    </ul>
  );
}

function EmergencySection({ help }: { help: CrisisHelp | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="emergency">
      <h2 id="emergency-title">{t('help.dangerTitle')}</h2>
      <p>{t('help.dangerBody')}</p>
      <EmergencyCalls numbers={help?.emergency ?? []} />
    </section>
  );
}

function DirectorySection({ directory }: { directory: { name: string; url: string } }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2 id="directory-title">{t('help.directoryTitle')}</h2>
      <p>
        {t('help.directoryBefore')}{' '}
        <a href={directory.url} rel="noopener noreferrer">
          {directory.name}
        </a>{' '}
        {t('help.directoryAfter')}
      </p>
    </section>
  );
}

/** "Get help now": readable by anyone, and useful even if the server cannot be reached. */
export function HelpPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('country')?.toUpperCase() || null;
  const help = useCrisisHelp(chosen);
  const [announce, setAnnounce] = useState(false);
  const selectId = useId();
  const data = help.data;
  const emergency = emergencyWords(data, i18n.resolvedLanguage ?? 'en', t('help.yourEmergencyNumber'));

  // A link to a part of the page (e.g. #helping-someone from a draft note) goes to it once it is there.
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target instanceof HTMLElement && target.tabIndex === -1) {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [hash]);

  const choose = (code: string) => {
    setAnnounce(true);
    setParams(code ? { country: code } : {}, { replace: true, preventScrollReset: true });
  };

  const status = help.isFetching ? t('help.loadingCountry') : announce && data?.countryName ? t('help.showing', { country: data.countryName }) : '';

  return (
    <>
      <PageHeading>{t('help.title')}</PageHeading>
      <p className="lead">{t('help.lead')}</p>

      <EmergencySection help={data} />

      <section>
        <h2 id="lines-title">{data?.countryName ? t('help.linesIn', { country: data.countryName }) : t('help.linesTitle')}</h2>

        {help.isPending && <Loading label={t('help.loading')} />}
        {help.isError && !data && (
          <div className="notice notice--error" role="alert">
            <p>{t('help.loadFailed')}</p>
          </div>
        )}

        {data && (
          <>
            <div className="field country-picker">
              <label className="field-label" htmlFor={selectId}>
                {t('fields.country')}
              </label>
              {!data.country && (
                <p className="field-hint" id={`${selectId}-hint`}>
                  {t('help.chooseCountry')}
                </p>
              )}
              <select
                id={selectId}
                name="country"
                value={chosen && data.countries.some((c) => c.code === chosen) ? chosen : (data.country ?? '')}
                onChange={(e) => choose(e.target.value)}
                aria-describedby={data.country ? undefined : `${selectId}-hint`}
              >
                {!data.country && <option value="">{t('help.choosePlaceholder')}</option>}
                {data.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
              <p className="field-status" role="status">
                {status}
              </p>
            </div>

            {data.country && data.lines.length === 0 && <p>{t('help.noLines')}</p>}
            {data.lines.length > 0 && (
              <>
                <p>{t('help.linesIntro')}</p>
                <CrisisLineList lines={data.lines} emergency={emergency} />
              </>
            )}
          </>
        )}
      </section>

      <section>
        <h2 id="plan-title">{t('help.planTitle')}</h2>
        <p>{t('help.planBody')}</p>
        <p>
          <Link to="/safety-plan" className="button button--secondary">
            {t('safety.openPlan')}
          </Link>
        </p>
      </section>

      <DirectorySection directory={data?.directory ?? FALLBACK_DIRECTORY} />

      <section id="helping-someone" tabIndex={-1} aria-labelledby="helping-title" className="anchor-section">
        <h2 id="helping-title">{t('helping.title')}</h2>
        <HelpingTips />
      </section>

      <section>
        <h2 id="peer-title">{t('help.peerTitle')}</h2>
        <p>{t('help.peerBody')}</p>
      </section>

      {data && <p className="card-meta">{t('help.reviewed', { date: formatDate(data.reviewedOn) })}</p>}
    </>
  );
}
