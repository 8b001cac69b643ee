import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListenerStanding } from '../../../shared/listeners';
import type { Language } from '../../../shared/rules';
import { APPLICATION_MOTIVATION_MAX, type SupportTopic } from '../../../shared/support-rules';
import { Button } from '../../ui/Button';
import { CharacterCount, charCount, useCharacterStatus } from '../../ui/CharacterCount';
import { Field } from '../../ui/Field';
import { Form } from '../../ui/Form';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading, Notice } from '../../ui/Status';
import { useMutationForm } from '../../ui/useMutationForm';
import { useApply, useStanding } from './api';
import { LanguageChoices, TopicChoices } from './Choices';

function formatDate(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(ms));
}

function Training({ standing }: { standing: ListenerStanding }) {
  const { t } = useTranslation();
  const done = standing.training.modules.filter((m) => m.passedAt !== null).length;
  return (
    <section aria-labelledby="training-title">
      <h2 id="training-title">{t('listeners.training.title')}</h2>
      <p>{t('listeners.training.intro')}</p>
      <p>{t('listeners.training.progress', { done, total: standing.training.modules.length })}</p>
      <ol className="card-list">
        {standing.training.modules.map((m) => (
          <li key={m.id} className="card">
            <Link to={`/listeners/training/${m.id}`}>{t(`listeners.modules.${m.id}`)}</Link>
            <p className="contact-note">{m.passedAt !== null ? t('listeners.training.passed') : t('listeners.training.notYet')}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ApplicationStatus({ standing }: { standing: ListenerStanding }) {
  const { t, i18n } = useTranslation();
  const a = standing.application;
  if (standing.isListener) {
    return (
      <Notice tone="success">
        <p>{t('listeners.status.listener')}</p>
        <p>
          <Link to="/listeners/me">{t('listeners.status.toDuty')}</Link>
        </p>
      </Notice>
    );
  }
  if (!a) return null;
  return (
    <Notice tone="info">
      <p>{t(`listeners.status.${a.status}`, { date: formatDate(a.createdAt, i18n.language) })}</p>
      {a.reviewNote && (
        <p>
          {t('listeners.status.note')} <q>{a.reviewNote}</q>
        </p>
      )}
      {standing.reapplyAt !== null && <p>{t('listeners.status.reapplyAt', { date: formatDate(standing.reapplyAt, i18n.language) })}</p>}
    </Notice>
  );
}

function ApplyForm() {
  const { t } = useTranslation();
  const apply = useApply();
  const form = useMutationForm(apply);
  const [motivation, setMotivation] = useState('');
  const [languages, setLanguages] = useState<Language[]>([]);
  const [topics, setTopics] = useState<SupportTopic[]>([]);
  const status = useCharacterStatus(motivation, APPLICATION_MOTIVATION_MAX);
  const submit = form.handleSubmit(() => ({
    checks: {
      motivation: !motivation.trim() ? t('listeners.apply.motivationMissing') : charCount(motivation) > APPLICATION_MOTIVATION_MAX ? t('listeners.apply.motivationLong', { max: APPLICATION_MOTIVATION_MAX }) : undefined,
      languages: languages.length === 0 ? t('listeners.fields.languagesMissing') : undefined,
      topics: topics.length === 0 ? t('listeners.fields.topicsMissing') : undefined,
    },
    body: { motivation: motivation.trim(), languages, topics },
  }));
  return (
    <section aria-labelledby="apply-title">
      <h2 id="apply-title">{t('listeners.apply.title')}</h2>
      <p>{t('listeners.apply.intro')}</p>
      <Form form={form} onSubmit={submit} labels={{ motivation: t('listeners.apply.motivation'), languages: t('listeners.fields.languages'), topics: t('listeners.fields.topics') }}>
        <Field label={t('listeners.apply.motivation')} hint={t('listeners.apply.motivationHint')} error={form.fieldError('motivation')} status={status}>
          {(control) => <textarea {...control} name="motivation" rows={6} value={motivation} onChange={(e) => setMotivation(e.target.value)} />}
        </Field>
        <CharacterCount text={motivation} max={APPLICATION_MOTIVATION_MAX} />
        <LanguageChoices chosen={languages} onChange={setLanguages} error={form.fieldError('languages')} />
        <TopicChoices chosen={topics} onChange={setTopics} error={form.fieldError('topics')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={apply.isPending} busyLabel={t('listeners.apply.sending')}>
            {t('listeners.apply.send')}
          </Button>
        </div>
      </Form>
    </section>
  );
}

/** /listeners — what listening on Kindred means, the training, applying and where the member stands. */
export function ListenersPage() {
  const { t } = useTranslation();
  const standing = useStanding();
  return (
    <>
      <PageHeading>{t('listeners.title')}</PageHeading>
      <p className="lead">{t('listeners.intro')}</p>
      <ul>
        <li>{t('listeners.what.peer')}</li>
        <li>{t('listeners.what.inKindred')}</li>
        <li>{t('listeners.what.notAlone')}</li>
        <li>{t('listeners.what.rest')}</li>
      </ul>
      {standing.isPending && <Loading />}
      {standing.isError && <LoadError message={standing.error.message} onRetry={() => void standing.refetch()} />}
      {standing.data && (
        <>
          <ApplicationStatus standing={standing.data} />
          {!standing.data.isListener && <Training standing={standing.data} />}
          {standing.data.canApply && <ApplyForm />}
          {!standing.data.isListener && !standing.data.training.allPassed && <p className="field-hint">{t('listeners.apply.afterTraining')}</p>}
        </>
      )}
      <p>
        <Link to="/facilitators">{t('listeners.facilitatorsLink')}</Link>
      </p>
    </>
  );
}
