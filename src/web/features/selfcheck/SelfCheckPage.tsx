import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ANSWER_VALUES, ITEM_COUNT, scoreSelfCheck, type Answer, type SelfCheckKind, type SelfCheckResult, type SelfCheckScore } from '../../../shared/selfcheck';
import { useSession } from '../../api/session';
import { loginPath } from '../../app/guards';
import { formatDate, formatDateTime } from '../../i18n';
import { Button } from '../../ui/Button';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { TrendChart } from '../moods/TrendChart';
import { CrisisChoices } from '../safety/CrisisChoices';
import { useDeleteResult, useKeepResult, useSelfCheckResults } from './api';
import '../moods/selfcare.css';

type Answers = (Answer | null)[];
const emptyAnswers = (kind: SelfCheckKind): Answers => Array.from({ length: ITEM_COUNT[kind] }, () => null);

/** The form as printed: the stem, then each item with its four answers as radio buttons. */
function SelfCheckForm({ kind, onDone, onSwitch }: { kind: SelfCheckKind; onDone: (answers: Answer[], difficulty: number | null) => void; onSwitch: (kind: SelfCheckKind) => void }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>(() => emptyAnswers(kind));
  const [difficulty, setDifficulty] = useState<number | null>(null);
  const [missing, setMissing] = useState<number[]>([]);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setAnswers(emptyAnswers(kind));
    setMissing([]);
  }, [kind]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const unanswered = answers.flatMap((a, i) => (a === null ? [i] : []));
    setMissing(unanswered);
    if (unanswered.length > 0) {
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    onDone(answers as Answer[], kind === 'phq9' ? difficulty : null);
  };

  const anyProblem = answers.some((a) => a !== null && a > 0);
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="selfcheck-stem">
      <p id="selfcheck-stem" className="lead">
        {t('selfCare.check.stem')}
      </p>
      {missing.length > 0 && (
        <div ref={errorRef} tabIndex={-1} className="notice notice--error" role="alert">
          <p>{t('selfCare.check.missing', { count: missing.length })}</p>
          <ul>
            {missing.map((i) => (
              <li key={i}>
                <a href={`#selfcheck-q${i + 1}`}>{t('selfCare.check.questionN', { n: i + 1 })}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {answers.map((value, i) => (
        <fieldset key={`${kind}-${i}`} id={`selfcheck-q${i + 1}`} className={`selfcheck-item${missing.includes(i) && value === null ? ' selfcheck-item--missing' : ''}`}>
          <legend>
            {i + 1}. {t(`selfCare.check.items.${(i + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`)}
          </legend>
          <ul className="selfcheck-options">
            {ANSWER_VALUES.map((a) => (
              <li key={a}>
                <label>
                  <input
                    type="radio"
                    name={`q${i + 1}`}
                    value={a}
                    checked={value === a}
                    onChange={() => setAnswers((prev) => prev.map((p, j) => (j === i ? a : p)))}
                  />
                  {t(`selfCare.check.answers.${a}`)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      {kind === 'phq9' && anyProblem && (
        <fieldset className="selfcheck-item">
          <legend>
            {t('selfCare.check.difficulty')} <span className="field-hint">{t('selfCare.check.optional')}</span>
          </legend>
          <ul className="selfcheck-options">
            {([0, 1, 2, 3] as const).map((d) => (
              <li key={d}>
                <label>
                  <input type="radio" name="difficulty" value={d} checked={difficulty === d} onChange={() => setDifficulty(d)} />
                  {t(`selfCare.check.difficulties.${d}`)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary">
          {t('selfCare.check.seeResult')}
        </Button>
        <Button variant="quiet" onClick={() => onSwitch(kind === 'phq9' ? 'phq2' : 'phq9')}>
          {kind === 'phq9' ? t('selfCare.check.switchToShort') : t('selfCare.check.switchToFull')}
        </Button>
      </div>
    </form>
  );
}

/** The result: crisis help first when item 9 was not "Not at all", then the score in plain words. */
function SelfCheckResultView({ score, answers, difficulty, onAgain, onFull }: { score: SelfCheckScore; answers: Answer[]; difficulty: number | null; onAgain: () => void; onFull: () => void }) {
  const { t } = useTranslation();
  const { member } = useSession();
  const keep = useKeepResult();
  const feedback = useFeedback();
  const [kept, setKept] = useState(false);
  const firstRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  return (
    <div className="selfcheck-result">
      {score.item9Positive && (
        <section className="selfcheck-crisis" aria-labelledby="selfcheck-crisis-title">
          <h2 id="selfcheck-crisis-title" ref={firstRef} tabIndex={-1}>
            {t('selfCare.result.crisisTitle')}
          </h2>
          <p>{t('selfCare.result.crisisBody')}</p>
          <CrisisChoices variant="self" />
        </section>
      )}
      <section aria-labelledby="selfcheck-score-title">
        <h2 id="selfcheck-score-title" ref={score.item9Positive ? undefined : firstRef} tabIndex={-1}>
          {t('selfCare.result.title')}
        </h2>
        <p className="selfcheck-score">{t('selfCare.result.total', { total: score.total, max: score.max })}</p>
        {score.band && <p>{t(`selfCare.result.bands.${score.band}`)}</p>}
        {score.kind === 'phq2' && <p>{score.positiveScreen ? t('selfCare.result.phq2Positive') : t('selfCare.result.phq2Negative')}</p>}
        <p>
          <strong>{t('selfCare.result.notDiagnosis')}</strong>
        </p>
        {score.suggestProfessional && <p>{t('selfCare.result.seeProfessional')}</p>}
        {score.kind === 'phq9' && !score.item9Positive && (
          <p>
            {t('selfCare.result.item9Zero')} <Link to="/help">{t('nav.helpNow')}</Link>
          </p>
        )}
        <div className="button-row">
          {score.kind === 'phq2' && (
            <Button variant={score.positiveScreen ? 'primary' : 'secondary'} onClick={onFull}>
              {t('selfCare.result.takeFull')}
            </Button>
          )}
          {member && !kept && (
            <Button
              variant="secondary"
              busy={keep.isPending}
              busyLabel={t('selfCare.result.keeping')}
              onClick={() =>
                feedback.run(keep, { kind: score.kind, answers, difficulty }, () => {
                  setKept(true);
                  return t('selfCare.result.kept');
                })
              }
            >
              {t('selfCare.result.keep')}
            </Button>
          )}
          <Button variant="quiet" onClick={onAgain}>
            {t('selfCare.result.again')}
          </Button>
        </div>
        <FeedbackText feedback={feedback} />
        {!member && (
          <p className="card-meta">
            {t('selfCare.result.visitorNote')} <Link to={loginPath('/self-check')}>{t('nav.logIn')}</Link>
          </p>
        )}
      </section>
    </div>
  );
}

/** The member's kept PHQ-9 results over time: a chart, and the same values in a table. */
function History() {
  const { t } = useTranslation();
  const results = useSelfCheckResults();
  const remove = useDeleteResult();
  const feedback = useFeedback();
  if (results.isPending) return <Loading />;
  if (results.isError) return <LoadError message={t('selfCare.history.loadFailed')} onRetry={() => void results.refetch()} />;
  const list = results.data.results;
  const phq9 = list.filter((r) => r.kind === 'phq9').slice().reverse();
  const first = phq9[0]?.createdAt ?? 0;
  const last = phq9.at(-1)?.createdAt ?? 0;
  const span = Math.max(1, (last - first) / 86_400_000);
  return (
    <section aria-labelledby="selfcheck-history">
      <h2 id="selfcheck-history">{t('selfCare.history.title')}</h2>
      {list.length === 0 ? (
        <p>{t('selfCare.history.empty')}</p>
      ) : (
        <>
          {phq9.length > 0 && (
            <TrendChart
              points={phq9.map((r) => ({ x: (r.createdAt - first) / 86_400_000, y: r.total }))}
              span={span}
              yMin={0}
              yMax={27}
              yLabels={{ 0: '0', 5: '5', 10: '10', 15: '15', 20: '20', 27: '27' }}
              guides={[5, 10, 15, 20]}
              startLabel={formatDate(first, 'medium')}
              endLabel={formatDate(last, 'medium')}
              title={t('selfCare.history.chartTitle')}
              description={t('selfCare.history.chartDescription', { count: phq9.length })}
            />
          )}
          <div className="table-scroll" role="region" aria-labelledby="selfcheck-table-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="selfcheck-table-caption">{t('selfCare.history.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('selfCare.history.when')}</th>
                  <th scope="col">{t('selfCare.history.form')}</th>
                  <th scope="col">{t('selfCare.history.score')}</th>
                  <th scope="col">{t('selfCare.history.band')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('selfCare.history.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((r: SelfCheckResult) => (
                  <tr key={r.id}>
                    <td>{formatDateTime(r.createdAt)}</td>
                    <td>{r.kind === 'phq9' ? 'PHQ-9' : 'PHQ-2'}</td>
                    <td>{t('selfCare.result.total', { total: r.total, max: r.kind === 'phq9' ? 27 : 6 })}</td>
                    <td>{r.band ? t(`selfCare.history.bandNames.${r.band}`) : '—'}</td>
                    <td>
                      <Button
                        variant="quiet"
                        className="button--inline"
                        aria-label={t('selfCare.history.deleteLabel', { when: formatDateTime(r.createdAt) })}
                        onClick={() => feedback.run(remove, r.id, () => t('selfCare.history.deleted'))}
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
      )}
      <FeedbackText feedback={feedback} />
    </section>
  );
}

/** /self-check: the PHQ-9 (or the PHQ-2 to start), scored in the browser; members may keep results. */
export function SelfCheckPage() {
  const { t } = useTranslation();
  const { member } = useSession();
  const [kind, setKind] = useState<SelfCheckKind>('phq9');
  const [done, setDone] = useState<{ answers: Answer[]; difficulty: number | null } | null>(null);
  const score = done ? scoreSelfCheck(kind, done.answers) : null;

  return (
    <>
      <PageHeading>{kind === 'phq9' ? t('selfCare.check.title') : t('selfCare.check.titleShort')}</PageHeading>
      {!done && (
        <>
          <p>{t('selfCare.check.intro')}</p>
          <p>{member ? t('selfCare.check.privacyMember') : t('selfCare.check.privacyVisitor')}</p>
          <SelfCheckForm
            kind={kind}
            onSwitch={setKind}
            onDone={(answers, difficulty) => setDone({ answers, difficulty })}
          />
        </>
      )}
      {done && score && (
        <SelfCheckResultView
          key={`${kind}-${done.answers.join('')}`}
          score={score}
          answers={done.answers}
          difficulty={done.difficulty}
          onAgain={() => setDone(null)}
          onFull={() => {
            setKind('phq9');
            setDone(null);
          }}
        />
      )}
      {member && <History />}
      <p className="selfcheck-attribution">{t('selfCare.check.attribution')}</p>
    </>
  );
}
