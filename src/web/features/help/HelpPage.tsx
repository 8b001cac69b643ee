import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CrisisHelp } from '../../../shared/api';
import { formatDate } from '../../i18n';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Status';
import { FALLBACK_DIRECTORY, joinNumbers, useCrisisHelp } from './api';
import { CrisisLineCard } from './CrisisLineCard';

function EmergencySection({ help }: { help: CrisisHelp | undefined }) {
  const { t } = useTranslation();
  const numbers = help?.emergency ?? [];
  return (
    <section className="emergency">
      <h2 id="emergency-title">{t('help.dangerTitle')}</h2>
      <p>{t('help.dangerBody')}</p>
      {numbers.length > 0 ? (
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
      ) : (
        <p className="emergency-unknown">{t('help.dangerUnknown')}</p>
      )}
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
  const emergencyWords = data && data.emergency.length > 0 ? joinNumbers(data.emergency.map((e) => e.number), i18n.resolvedLanguage ?? 'en') : t('help.yourEmergencyNumber');

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
                <ul className="card-list">
                  {data.lines.map((line) => (
                    <li key={line.id}>
                      <CrisisLineCard line={line} emergency={emergencyWords} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>

      <DirectorySection directory={data?.directory ?? FALLBACK_DIRECTORY} />

      <section>
        <h2 id="peer-title">{t('help.peerTitle')}</h2>
        <p>{t('help.peerBody')}</p>
      </section>

      {data && <p className="card-meta">{t('help.reviewed', { date: formatDate(data.reviewedOn) })}</p>}
    </>
  );
}
