import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DutyStatus, ListenerProfile } from '../../../shared/listeners';
import type { Language } from '../../../shared/rules';
import { LISTENER_CAPACITY_MAX, LISTENER_CAPACITY_MIN, type SupportTopic } from '../../../shared/support-rules';
import { isApiError } from '../../api/client';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Form } from '../../ui/Form';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading, Notice } from '../../ui/Status';
import { useMutationForm } from '../../ui/useMutationForm';
import { useListenerProfile, useSetDuty, useUpdateListenerProfile } from './api';
import { LanguageChoices, TopicChoices } from './Choices';

const CAPACITIES = Array.from({ length: LISTENER_CAPACITY_MAX - LISTENER_CAPACITY_MIN + 1 }, (_, i) => LISTENER_CAPACITY_MIN + i);

function hoursAndMinutes(minutes: number, t: TFunction): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('listeners.duty.hoursMinutes', { h, m }) : t('listeners.duty.minutes', { count: m });
}

function DutyControls({ profile }: { profile: ListenerProfile }) {
  const { t } = useTranslation();
  const setDuty = useSetDuty();
  const [announce, setAnnounce] = useState('');
  const choose = (status: DutyStatus) =>
    setDuty.mutate(status, {
      onSuccess: (p) => setAnnounce(t(`listeners.duty.now.${p.status}`)),
    });
  const actions: DutyStatus[] = profile.status === 'on' ? ['break', 'off'] : profile.status === 'break' ? ['on', 'off'] : ['on'];
  return (
    <section aria-labelledby="duty-title">
      <h2 id="duty-title">{t('listeners.duty.title')}</h2>
      <p className="lead">{t(`listeners.duty.now.${profile.status}`)}</p>
      <p>{t('listeners.duty.today', { time: hoursAndMinutes(profile.minutesOnDutyToday, t), cap: hoursAndMinutes(profile.dailyCapMinutes, t) })}</p>
      {profile.breakNudge && (
        <Notice>
          <p>{t('listeners.duty.nudge', { time: hoursAndMinutes(profile.minutesThisStretch, t) })}</p>
        </Notice>
      )}
      {profile.capReached && profile.status !== 'on' && (
        <Notice>
          <p>{t('listeners.duty.capReached')}</p>
        </Notice>
      )}
      <div className="form-actions">
        {actions.map((a) => (
          <Button key={a} variant={a === 'on' ? 'primary' : 'secondary'} onClick={() => choose(a)} busy={setDuty.isPending && setDuty.variables === a} busyLabel={t('listeners.duty.saving')}>
            {t(`listeners.duty.action.${a}`)}
          </Button>
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {setDuty.isError && (
        <p className="form-error" role="alert">
          {setDuty.error.message}
        </p>
      )}
    </section>
  );
}

function ProfileForm({ profile }: { profile: ListenerProfile }) {
  const { t } = useTranslation();
  const update = useUpdateListenerProfile();
  const form = useMutationForm(update);
  const [languages, setLanguages] = useState<Language[]>(profile.languages);
  const [topics, setTopics] = useState<SupportTopic[]>(profile.topics);
  const [capacity, setCapacity] = useState(profile.capacity);
  const [saved, setSaved] = useState(false);
  const submit = form.handleSubmit(() => {
    setSaved(false);
    return {
      checks: {
        languages: languages.length === 0 ? t('listeners.fields.languagesMissing') : undefined,
        topics: topics.length === 0 ? t('listeners.fields.topicsMissing') : undefined,
      },
      body: { languages, topics, capacity },
      onSuccess: () => setSaved(true),
    };
  });
  return (
    <section aria-labelledby="listener-profile-title">
      <h2 id="listener-profile-title">{t('listeners.profile.title')}</h2>
      <Form form={form} onSubmit={submit} labels={{ languages: t('listeners.fields.languages'), topics: t('listeners.fields.topics'), capacity: t('listeners.profile.capacity') }}>
        <Field label={t('listeners.profile.capacity')} hint={t('listeners.profile.capacityHint')} error={form.fieldError('capacity')}>
          {(control) => (
            <select {...control} name="capacity" value={capacity} onChange={(e) => setCapacity(Number(e.target.value))}>
              {CAPACITIES.map((c) => (
                <option key={c} value={c}>
                  {t('listeners.profile.chats', { count: c })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <LanguageChoices chosen={languages} onChange={setLanguages} error={form.fieldError('languages')} />
        <TopicChoices chosen={topics} onChange={setTopics} error={form.fieldError('topics')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t('listeners.duty.saving')}>
            {t('listeners.profile.save')}
          </Button>
        </div>
        <p className="field-status" role="status">
          {saved ? t('listeners.profile.saved') : ''}
        </p>
      </Form>
    </section>
  );
}

/** /listeners/me — a listener's duty controls, time on duty, and what they listen about. */
export function ListenerDutyPage() {
  const { t } = useTranslation();
  const profile = useListenerProfile();
  if (profile.isError && isApiError(profile.error) && profile.error.status === 403) {
    return (
      <>
        <PageHeading>{t('listeners.duty.pageTitle')}</PageHeading>
        <p>{profile.error.message}</p>
        <p>
          <Link to="/listeners">{t('listeners.title')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('listeners.duty.pageTitle')}</PageHeading>
      <p className="lead">{t('listeners.duty.intro')}</p>
      <ul className="link-list">
        <li>
          <Link to="/listeners/queue">{t('listeners.room.toQueue')}</Link>
        </li>
        <li>
          <Link to="/listeners/room">{t('listeners.room.toRoom')}</Link>
        </li>
      </ul>
      {profile.isPending && <Loading />}
      {profile.isError && <LoadError message={profile.error.message} onRetry={() => void profile.refetch()} />}
      {profile.data && (
        <>
          <DutyControls profile={profile.data} />
          <ProfileForm profile={profile.data} />
        </>
      )}
    </>
  );
}
