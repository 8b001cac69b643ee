import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays, dailyMeans, FEELINGS, MOOD_NOTE_MAX, MOOD_SPANS, MOODS, type Feeling, type LowStretchOffer, type Mood, type MoodSpan } from '../../../shared/moods';
import { formatDate, formatDateTime } from '../../i18n';
import { Button } from '../../ui/Button';
import { CharacterCount, charCount } from '../../ui/CharacterCount';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { toProblem } from '../../ui/formProblem';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { localDay, useDeleteMood, useMoods, useRecordMood } from './api';
import { TrendChart } from './TrendChart';
import './selfcare.css';

/** After a sustained low stretch, once: the rooms, a listener and the safety plan, gently. */
function LowStretchNote({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="notice notice--help low-stretch" aria-labelledby="low-stretch-title">
      <h2 id="low-stretch-title" ref={ref} tabIndex={-1}>
        {t('selfCare.moods.lowTitle')}
      </h2>
      <p>{t('selfCare.moods.lowBody')}</p>
      <ul className="link-list">
        <li>
          <Link to="/groups">{t('selfCare.moods.lowRooms')}</Link>
        </li>
        <li>
          <Link to="/support">{t('selfCare.moods.lowListener')}</Link>
        </li>
        <li>
          <Link to="/safety-plan">{t('selfCare.moods.lowPlan')}</Link>
        </li>
        <li>
          <Link to="/help">{t('nav.helpNow')}</Link>
        </li>
      </ul>
      <Button variant="quiet" onClick={onClose}>
        {t('selfCare.moods.lowClose')}
      </Button>
    </section>
  );
}

/** One tap from 1 to 5; feeling words and a note are there for whoever wants them. */
function CheckInForm({ onOffer }: { onOffer: (offer: LowStretchOffer) => void }) {
  const { t } = useTranslation();
  const record = useRecordMood();
  const [feelings, setFeelings] = useState<Feeling[]>([]);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const tooLong = charCount(note) > MOOD_NOTE_MAX;

  const send = (mood: Mood) => {
    if (record.isPending) return;
    setStatus('');
    setError('');
    if (tooLong) {
      setError(t('selfCare.moods.noteTooLong', { max: MOOD_NOTE_MAX }));
      return;
    }
    record.mutate(
      { mood, feelings, note },
      {
        onSuccess: (result) => {
          setFeelings([]);
          setNote('');
          setStatus(t('selfCare.moods.recorded', { mood: t(`selfCare.moods.levels.${mood}`) }));
          if (result.offer) onOffer(result.offer);
        },
        // What was chosen and written stays, so nothing has to be done again.
        onError: (e) => setError(toProblem(e).message),
      },
    );
  };

  return (
    <section aria-labelledby="mood-question">
      <h2 id="mood-question">{t('selfCare.moods.question')}</h2>
      <details className="mood-details">
        <summary>{t('selfCare.moods.addMore')}</summary>
        <fieldset className="feeling-grid">
          <legend>{t('selfCare.moods.feelingsLegend')}</legend>
          {FEELINGS.map((f) => (
            <label key={f}>
              <input type="checkbox" name="feelings" value={f} checked={feelings.includes(f)} onChange={(e) => setFeelings((prev) => (e.target.checked ? [...prev, f] : prev.filter((x) => x !== f)))} />
              {t(`selfCare.moods.feelings.${f}`)}
            </label>
          ))}
        </fieldset>
        <div className={`field${tooLong ? ' field--invalid' : ''}`}>
          <label className="field-label" htmlFor="mood-note">
            {t('selfCare.moods.noteLabel')}
          </label>
          <p className="field-hint" id="mood-note-hint">
            {t('selfCare.moods.noteHint', { max: MOOD_NOTE_MAX })}
          </p>
          <textarea id="mood-note" name="note" rows={3} value={note} aria-describedby="mood-note-hint" aria-invalid={tooLong || undefined} onChange={(e) => setNote(e.target.value)} />
          <CharacterCount text={note} max={MOOD_NOTE_MAX} />
        </div>
      </details>
      <ul className="mood-choices" aria-label={t('selfCare.moods.choicesLabel')}>
        {MOODS.map((m) => (
          <li key={m}>
            <Button variant="secondary" onClick={() => send(m)} aria-disabled={record.isPending || undefined}>
              <span className="mood-number" aria-hidden="true">
                {m}
              </span>
              <span>{t(`selfCare.moods.levels.${m}`)}</span>
            </Button>
          </li>
        ))}
      </ul>
      <FeedbackText feedback={{ status, error }} />
    </section>
  );
}

/** The last 30 or 90 days: a chart of each day's mood and a table of every check-in. */
function MoodHistory() {
  const { t } = useTranslation();
  const [days, setDays] = useState<MoodSpan>(30);
  const moods = useMoods(days);
  const remove = useDeleteMood();
  const feedback = useFeedback();
  const today = localDay();
  const start = addDays(today, -(days - 1));
  const dayIndex = (day: string) => (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000;

  return (
    <section aria-labelledby="mood-history">
      <h2 id="mood-history">{t('selfCare.moods.historyTitle')}</h2>
      <div className="span-toggle" role="group" aria-label={t('selfCare.moods.spanLabel')}>
        {MOOD_SPANS.map((s) => (
          <Button key={s} variant={s === days ? 'primary' : 'secondary'} aria-pressed={s === days} onClick={() => setDays(s)}>
            {t('selfCare.moods.spanDays', { count: s })}
          </Button>
        ))}
      </div>
      {moods.isPending && <Loading />}
      {moods.isError && <LoadError message={t('selfCare.moods.loadFailed')} onRetry={() => void moods.refetch()} />}
      {moods.data &&
        (() => {
          const inSpan = moods.data.checkIns.filter((c) => c.day >= start);
          const means = [...dailyMeans(inSpan)].map(([day, mean]) => ({ x: dayIndex(day), y: mean }));
          if (inSpan.length === 0) return <p>{t('selfCare.moods.empty')}</p>;
          return (
            <>
              <TrendChart
                points={means}
                span={days - 1}
                yMin={1}
                yMax={5}
                yLabels={Object.fromEntries(MOODS.map((m) => [m, t(`selfCare.moods.levels.${m}`)]))}
                startLabel={formatDate(start, 'medium')}
                endLabel={formatDate(today, 'medium')}
                title={t('selfCare.moods.chartTitle', { count: days })}
                description={t('selfCare.moods.chartDescription', { count: means.length })}
              />
              <div className="table-scroll" role="region" aria-labelledby="mood-table-caption" tabIndex={0}>
                <table className="data-table">
                  <caption id="mood-table-caption">{t('selfCare.moods.tableCaption', { count: days })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('selfCare.moods.when')}</th>
                      <th scope="col">{t('selfCare.moods.mood')}</th>
                      <th scope="col">{t('selfCare.moods.feelingsColumn')}</th>
                      <th scope="col">{t('selfCare.moods.noteColumn')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('selfCare.history.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...inSpan].reverse().map((c) => (
                      <tr key={c.id}>
                        <td>{formatDateTime(c.createdAt)}</td>
                        <td>
                          {c.mood} – {t(`selfCare.moods.levels.${c.mood}`)}
                        </td>
                        <td>{c.feelings.map((f) => t(`selfCare.moods.feelings.${f}`)).join(', ')}</td>
                        <td>{c.note}</td>
                        <td>
                          <Button
                            variant="quiet"
                            className="button--inline"
                            aria-label={t('selfCare.moods.deleteLabel', { when: formatDateTime(c.createdAt) })}
                            onClick={() => feedback.run(remove, c.id, () => t('selfCare.moods.deleted'))}
                          >
                            {t('selfCare.history.delete')}
                          </Button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        })()}
      <FeedbackText feedback={feedback} />
    </section>
  );
}

/** /moods: check in with one tap; see the last 30 or 90 days. No streaks, no badges, no reminders. */
export function MoodsPage() {
  const { t } = useTranslation();
  const [offer, setOffer] = useState<LowStretchOffer | null>(null);
  return (
    <>
      <PageHeading>{t('selfCare.moods.title')}</PageHeading>
      <p>{t('selfCare.moods.intro')}</p>
      <CheckInForm onOffer={setOffer} />
      {offer && <LowStretchNote onClose={() => setOffer(null)} />}
      <MoodHistory />
    </>
  );
}
