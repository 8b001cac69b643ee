import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { formatDateTime } from '../../i18n';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/Field';
import { toProblem } from '../../ui/formProblem';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { useAcceptOffer, useDeclineOffer, useListenerQueue, useSupportLive, type SupportOffer } from './api';
import { useOfferAlert, useOfferAlertPrefs } from './offerAlert';
import '../../styles/support.css';

function duration(seconds: number, t: TFunction): string {
  return seconds < 60 ? t('support.queue.seconds', { count: Math.max(0, seconds) }) : t('support.queue.minutes', { count: Math.floor(seconds / 60) });
}

const topicList = (topics: readonly string[], t: TFunction) => topics.map((x) => t(`support.topics.${x}` as 'support.topics.something_else')).join(', ');
const languageName = (l: string, t: TFunction) => t(`support.languages.${l}` as 'support.languages.en', { defaultValue: l });

/** The time now, ticking once a second (for the offer's countdown). */
function useTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The offer: what it is about, how urgent, how long they waited, and a minute to accept or pass. */
function Offer({ offer, fetchedAt }: { offer: SupportOffer; fetchedAt: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptOffer();
  const decline = useDeclineOffer();
  const now = useTick();
  const left = Math.max(0, Math.ceil((offer.expiresAt - now) / 1000));
  const waited = offer.waitingSeconds + Math.max(0, Math.round((now - fetchedAt) / 1000));
  const [error, setError] = useState<string | null>(null);
  const urgent = offer.riskLevel === 'plan' || offer.riskLevel === 'imminent';

  const onAccept = () => {
    setError(null);
    accept.mutate(offer.requestId, {
      onSuccess: (r) => void navigate(`/chats/${encodeURIComponent(r.conversationId)}`),
      onError: (e) => setError(isApiError(e) && e.code === 'already_taken' ? e.message : toProblem(e).message),
    });
  };
  const onPass = () => {
    setError(null);
    decline.mutate(offer.requestId, { onError: (e) => setError(toProblem(e).message) });
  };

  return (
    <section className={urgent ? 'support-section notice notice--urgent' : 'support-section notice notice--help'} aria-labelledby="offer-title">
      <h2 id="offer-title">{t('support.queue.offerTitle')}</h2>
      <dl className="support-facts">
        <dt>{t('support.queue.topics')}</dt>
        <dd>{topicList(offer.topics, t)}</dd>
        <dt>{t('support.queue.language')}</dt>
        <dd>{languageName(offer.language, t)}</dd>
        <dt>{t('support.queue.risk')}</dt>
        <dd>{t(`support.riskLevels.${offer.riskLevel}` as 'support.riskLevels.none', { defaultValue: offer.riskLevel })}</dd>
        <dt>{t('support.queue.waited')}</dt>
        <dd>{duration(waited, t)}</dd>
        <dt>{t('support.queue.timeLeft')}</dt>
        {/* Not a live region: a countdown read out every second would drown everything else. */}
        <dd>{duration(left, t)}</dd>
      </dl>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <Button variant="primary" busy={accept.isPending} busyLabel={t('support.queue.accepting')} onClick={onAccept}>
          {t('support.queue.accept')}
        </Button>
        <Button variant="secondary" busy={decline.isPending} busyLabel={t('support.queue.passing')} onClick={onPass}>
          {t('support.queue.pass')}
        </Button>
      </div>
    </section>
  );
}

/** How this listener wants to hear of a new offer on this device: a sound, a notification. */
function AlertSettings({ alerts }: { alerts: ReturnType<typeof useOfferAlertPrefs> }) {
  const { t } = useTranslation();
  const { prefs, permission, setSound, setNotify } = alerts;
  return (
    <details className="support-section">
      <summary>{t('support.queue.alerts.title')}</summary>
      <p className="field-hint">{t('support.queue.alerts.intro')}</p>
      <CheckboxField label={t('support.queue.alerts.sound')} checked={prefs.sound} onChange={setSound} />
      {permission !== 'unsupported' && (
        <CheckboxField
          label={t('support.queue.alerts.notify')}
          checked={prefs.notify && permission === 'granted'}
          onChange={(on) => void setNotify(on)}
          hint={permission === 'denied' ? t('support.queue.alerts.blocked') : t('support.queue.alerts.notifyHint')}
        />
      )}
    </details>
  );
}

/** /listeners/queue — a listener's offer, the anonymised queue, and their open chats. */
export function ListenerQueuePage() {
  const { t } = useTranslation();
  useSupportLive();
  const queue = useListenerQueue();
  const forbidden = queue.isError && isApiError(queue.error) && queue.error.status === 403;
  const data = queue.data;
  const alerts = useOfferAlertPrefs();
  useOfferAlert(data?.offer?.requestId ?? null, alerts.prefs, { title: t('support.queue.offerTitle'), body: t('support.queue.alerts.body') });

  return (
    <div className="support-page">
      <PageHeading>{t('support.queue.title')}</PageHeading>
      <p className="lead">{t('support.queue.intro')}</p>
      <p>
        <Link to="/listeners/me">{t('support.queue.duty')}</Link>
      </p>
      {queue.isPending && <Loading label={t('support.loading')} />}
      {forbidden && (
        <div className="notice notice--info">
          <p>{t('support.queue.notListener')}</p>
          <p>
            <Link to="/listeners">{t('support.queue.becomeListener')}</Link>
          </p>
        </div>
      )}
      {queue.isError && !forbidden && <LoadError message={queue.error.message} onRetry={() => void queue.refetch()} />}
      {data && (
        <>
          <div role="status">{data.offer ? null : <p>{t('support.queue.noOffer')}</p>}</div>
          {data.offer && <Offer key={data.offer.requestId} offer={data.offer} fetchedAt={queue.dataUpdatedAt} />}
          <AlertSettings alerts={alerts} />

          <section className="support-section" aria-labelledby="chats-title">
            <h2 id="chats-title">{t('support.queue.chatsTitle')}</h2>
            {data.chats.length === 0 ? (
              <p>{t('support.queue.chatsNone')}</p>
            ) : (
              <ul className="support-list">
                {data.chats.map((c) => (
                  <li key={c.requestId}>
                    <Link to={`/chats/${encodeURIComponent(c.conversationId)}`}>{t('support.queue.chatWith', { handle: c.member.handle })}</Link>{' '}
                    <span className="field-hint">{t('support.queue.since', { time: formatDateTime(c.matchedAt) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="support-section" aria-labelledby="waiting-title">
            <h2 id="waiting-title">{t('support.queue.waitingTitle')}</h2>
            {data.waiting.length === 0 ? (
              <p>{t('support.queue.waitingNone')}</p>
            ) : (
              <ol className="support-list">
                {data.waiting.map((w, i) => (
                  <li key={i}>
                    {w.urgent && <span className="badge">{t('support.queue.urgent')}</span>}{' '}
                    {t('support.queue.waitingItem', { topics: topicList(w.topics, t), language: languageName(w.language, t), time: duration(w.waitingSeconds, t) })}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}
