import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading, Notice } from '../../ui/Status';
import { useFacilitatorStanding } from './api';

/** /facilitators — what facilitating a meeting means, the training with what is done, and what comes next. */
export function FacilitatorsPage() {
  const { t } = useTranslation();
  const standing = useFacilitatorStanding();
  const training = standing.data?.training;
  const done = training?.modules.filter((m) => m.passedAt !== null).length ?? 0;
  return (
    <>
      <PageHeading>{t('facilitators.title')}</PageHeading>
      <p className="lead">{t('facilitators.intro')}</p>
      <ul>
        <li>{t('facilitators.what.peer')}</li>
        <li>{t('facilitators.what.format')}</li>
        <li>{t('facilitators.what.safe')}</li>
        <li>{t('facilitators.what.notAlone')}</li>
      </ul>
      {standing.isPending && <Loading />}
      {standing.isError && <LoadError message={standing.error.message} onRetry={() => void standing.refetch()} />}
      {standing.data?.isFacilitator && (
        <Notice tone="success">
          <p>{t('facilitators.status.facilitator')}</p>
        </Notice>
      )}
      {training && (
        <section aria-labelledby="training-title">
          <h2 id="training-title">{t('facilitators.training.title')}</h2>
          <p>{t('facilitators.training.intro')}</p>
          <p>{t('facilitators.training.progress', { done, total: training.modules.length })}</p>
          <ol className="card-list">
            {training.modules.map((m) => (
              <li key={m.id} className="card">
                <Link to={`/facilitators/training/${m.id}`}>{t(`facilitators.modules.${m.id}`)}</Link>
                <p className="contact-note">{m.passedAt !== null ? (<><span aria-hidden="true">✓ </span>{t('facilitators.training.passed')}</>) : t('facilitators.training.notYet')}</p>
              </li>
            ))}
          </ol>
          {!standing.data?.isFacilitator && <p className="field-hint">{t(training.allPassed ? 'facilitators.status.trained' : 'facilitators.status.afterTraining')}</p>}
        </section>
      )}
    </>
  );
}
