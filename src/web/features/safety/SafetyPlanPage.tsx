import { useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SAFETY_PLAN_FIELD_MAX, SAFETY_PLAN_STEPS, type SafetyPlanFields, type SafetyPlanStep } from '../../api/safetyTypes';
import { useSession } from '../../api/session';
import { loginPath } from '../../app/guards';
import { formatDateTime } from '../../i18n';
import { Button } from '../../ui/Button';
import { CharacterCount, charCount, useCharacterStatus } from '../../ui/CharacterCount';
import { DraftNotice } from '../../ui/DraftNotice';
import { Field } from '../../ui/Field';
import { Form } from '../../ui/Form';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading, Notice } from '../../ui/Status';
import { useDraft } from '../../ui/useDraft';
import { useMutationForm } from '../../ui/useMutationForm';
import { emergencyWords, useCrisisHelp } from '../help/api';
import { useSafetyPlan, useSaveSafetyPlan } from './api';

const EMPTY_PLAN: SafetyPlanFields = {
  warningSigns: '',
  copingStrategies: '',
  distractions: '',
  peopleToAsk: '',
  professionals: '',
  safeEnvironment: '',
  reasonsForLiving: '',
};

/** The six Stanley–Brown steps, numbered; "reasons for living" closes the plan without a number. */
const NUMBERED: readonly SafetyPlanStep[] = SAFETY_PLAN_STEPS.filter((s) => s !== 'reasonsForLiving');

const samePlan = (a: SafetyPlanFields, b: SafetyPlanFields) => SAFETY_PLAN_STEPS.every((s) => a[s] === b[s]);

interface StepFieldProps {
  step: SafetyPlanStep;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  textareaRef?: Ref<HTMLTextAreaElement> | undefined;
}

function StepField({ step, value, onChange, error, textareaRef }: StepFieldProps) {
  const { t } = useTranslation();
  const status = useCharacterStatus(value, SAFETY_PLAN_FIELD_MAX);
  const n = NUMBERED.indexOf(step);
  const title = t(`plan.steps.${step}.title`);
  return (
    <Field
      className="plan-step"
      label={n >= 0 ? t('plan.stepLabel', { n: n + 1, title }) : title}
      hint={t(`plan.steps.${step}.prompt`)}
      error={error}
      status={status}
      extra={<CharacterCount text={value} max={SAFETY_PLAN_FIELD_MAX} />}
    >
      {(control) => <textarea {...control} ref={textareaRef} name={step} rows={4} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** Only on paper: the plan as written, and where help is, with room to write by hand. */
function PrintedPlan({ plan }: { plan: SafetyPlanFields }) {
  const { t, i18n } = useTranslation();
  const help = useCrisisHelp(null);
  const line = help.data?.lines[0];
  const phone = line?.phones[0]?.display;
  return (
    <div className="plan-print">
      {SAFETY_PLAN_STEPS.map((step) => {
        const n = NUMBERED.indexOf(step);
        const title = t(`plan.steps.${step}.title`);
        return (
          <section key={step} className="plan-print-step">
            <h2>{n >= 0 ? t('plan.stepLabel', { n: n + 1, title }) : title}</h2>
            <p className={plan[step].trim() ? 'plan-print-text' : 'plan-print-text plan-print-text--blank'}>{plan[step]}</p>
          </section>
        );
      })}
      <p className="plan-print-help">
        {line && phone ? `${t('plan.printLine', { name: line.name, number: phone })} ` : ''}
        {t('plan.printEmergency', { number: emergencyWords(help.data, i18n.resolvedLanguage ?? 'en', t('help.yourEmergencyNumber')) })}
      </p>
    </div>
  );
}

interface PlanFormProps {
  /** What the server holds; for a visitor, an empty plan that is never stored. */
  saved: SafetyPlanFields;
  updatedAt: number | null;
  canSave: boolean;
}

function PlanForm({ saved, updatedAt, canSave }: PlanFormProps) {
  const { t } = useTranslation();
  // Kept on this device as the member writes, like a post; a visitor's plan stays in the page only.
  const draft = useDraft('safety-plan', saved, { notBefore: updatedAt });
  const save = useSaveSafetyPlan();
  const form = useMutationForm(save);
  const [lastSaved, setLastSaved] = useState(updatedAt);
  const [serverPlan, setServerPlan] = useState(saved);
  const [status, setStatus] = useState('');
  const firstField = useRef<HTMLTextAreaElement>(null);
  const plan = draft.value;
  const unsaved = canSave && !samePlan(plan, serverPlan);

  const submit = form.handleSubmit(() => {
    setStatus('');
    const checks = Object.fromEntries(
      SAFETY_PLAN_STEPS.map((s) => [s, charCount(plan[s]) > SAFETY_PLAN_FIELD_MAX ? t('plan.fieldMax', { max: SAFETY_PLAN_FIELD_MAX.toLocaleString() }) : undefined]),
    );
    return {
      checks,
      body: plan,
      onSuccess: (result) => {
        draft.clear(result.plan);
        setServerPlan(result.plan);
        setLastSaved(result.updatedAt);
        setStatus(t('plan.saved'));
      },
    };
  });

  const labels = Object.fromEntries(SAFETY_PLAN_STEPS.map((s) => [s, t(`plan.steps.${s}.title`)]));
  return (
    <>
      <div className="no-print">
        <DraftNotice draft={draft} focusAfter={firstField} />
        <Form form={form} onSubmit={submit} labels={labels}>
          <ol className="plan-steps">
            {NUMBERED.map((step) => (
              <li key={step}>
                <StepField
                  step={step}
                  value={plan[step]}
                  onChange={(v) => draft.update({ [step]: v })}
                  error={form.fieldError(step)}
                  textareaRef={step === 'warningSigns' ? firstField : undefined}
                />
              </li>
            ))}
          </ol>
          <StepField step="reasonsForLiving" value={plan.reasonsForLiving} onChange={(v) => draft.update({ reasonsForLiving: v })} error={form.fieldError('reasonsForLiving')} />
          <div className="form-actions button-row">
            {canSave && (
              <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('plan.saving')}>
                {t('plan.save')}
              </Button>
            )}
            <Button variant="secondary" onClick={() => window.print()}>
              {t('plan.print')}
            </Button>
          </div>
          <p className="field-status" role="status">
            {status}
          </p>
          {canSave && (
            <p className="field-hint">
              {unsaved ? t('plan.unsaved') : lastSaved ? t('plan.lastSaved', { date: formatDateTime(lastSaved) }) : t('plan.notSavedYet')}
            </p>
          )}
        </Form>
      </div>
      <PrintedPlan plan={plan} />
    </>
  );
}

function MemberPlan() {
  const { t } = useTranslation();
  const plan = useSafetyPlan(true);
  if (plan.isPending) return <Loading label={t('plan.loading')} />;
  if (plan.isError) return <LoadError message={plan.error.message} onRetry={() => void plan.refetch()} />;
  return <PlanForm saved={plan.data.plan} updatedAt={plan.data.updatedAt} canSave />;
}

/**
 * /safety-plan — the member's own Stanley–Brown safety plan, in their own words: six steps and
 * what is worth living for. Private to them, kept while they write, printable. A visitor can fill
 * it in and print it; signing up keeps it.
 */
export function SafetyPlanPage() {
  const { t } = useTranslation();
  const { member, isLoading } = useSession();
  return (
    <div className="safety-plan-page">
      <PageHeading>{t('plan.title')}</PageHeading>
      <div className="no-print">
        <p className="lead">{t('plan.intro')}</p>
        <p>{t('plan.privacy')}</p>
        <p>
          {t('plan.inCrisis')} <Link to="/help">{t('nav.helpNow')}</Link>
        </p>
        {!isLoading && !member && (
          <Notice tone="info">
            <p>
              {t('plan.visitorNote')} <Link to="/signup">{t('plan.signUpToKeep')}</Link> · <Link to={loginPath('/safety-plan')}>{t('nav.logIn')}</Link>
            </p>
          </Notice>
        )}
      </div>
      {isLoading ? <Loading /> : member ? <MemberPlan key={member.id} /> : <PlanForm saved={EMPTY_PLAN} updatedAt={null} canSave={false} />}
    </div>
  );
}
