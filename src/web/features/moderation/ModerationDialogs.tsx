import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberActionBody, MemberStanding } from '../../../shared/moderation';
import { formatDateTime } from '../../i18n';
import { buttonClass } from '../../ui/Button';
import { CharacterCount, charCount } from '../../ui/CharacterCount';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useContentAction, useMemberAction, useRestoreContent } from './queueApi';
import { ACTION_REASON_MAX, MUTE_HOURS_MAX, RULES, ruleLabel, SUSPEND_DAYS_MAX, type Rule } from './rules';

const triggerClass = buttonClass('secondary', 'button--small');

/** Which guideline it goes against: the community guidelines' own words, plus spam. */
function RuleChoice({ value, onChange }: { value: Rule | null; onChange: (rule: Rule) => void }) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <fieldset className="choice-list">
      <legend className="field-label">{t('moderationQueue.ruleLegend')}</legend>
      {RULES.map((r) => (
        <div className="checkbox-row" key={r}>
          <input type="radio" id={`${ids}-${r}`} name="rule" value={r} checked={value === r} onChange={() => onChange(r)} />
          <label htmlFor={`${ids}-${r}`}>{ruleLabel(t, r)}</label>
        </div>
      ))}
    </fieldset>
  );
}

function ReasonField({ value, onChange, label, hint }: { value: string; onChange: (v: string) => void; label?: string; hint?: string }) {
  const { t } = useTranslation();
  return (
    <Field label={label ?? t('moderationQueue.reasonLabel')} hint={hint ?? t('moderationQueue.reasonHint')} extra={<CharacterCount text={value} max={ACTION_REASON_MAX} />}>
      {(control) => <textarea {...control} name="reason" rows={3} value={value} onChange={(e) => onChange(e.target.value)} required />}
    </Field>
  );
}

/** What is wrong with a reason, in the words the server would use; undefined when it is fine. */
function reasonProblem(t: TFunction, reason: string): string | undefined {
  if (!reason.trim()) return t('moderationQueue.reasonRequired');
  if (charCount(reason) > ACTION_REASON_MAX) return t('moderationQueue.reasonMax', { max: ACTION_REASON_MAX });
  return undefined;
}

type ContentType = 'post' | 'reply' | 'message';

/** Take the content down, naming the guideline; its author is told, kindly. */
export function RemoveDialog({ itemKey, what, disabled, onDone }: { itemKey: string; what: ContentType; disabled: boolean; onDone: (closed: boolean) => void }) {
  const { t } = useTranslation();
  const action = useContentAction();
  const [rule, setRule] = useState<Rule | null>(null);
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      trigger={t('moderationQueue.remove')}
      triggerClassName={buttonClass('danger', 'button--small')}
      isDisabled={disabled}
      title={t(`moderationQueue.removeTitle.${what}`)}
      submitLabel={t('moderationQueue.removeConfirm')}
      busyLabel={t('moderationQueue.removing')}
      destructive
      onSubmit={() => {
        if (!rule) return t('moderationQueue.ruleRequired');
        const problem = reasonProblem(t, reason);
        if (problem) return problem;
        return action.mutateAsync({ key: itemKey, body: { action: 'remove', rule, reason: reason.trim() } }).then(({ item }) => {
          setRule(null);
          setReason('');
          onDone(item === null);
        });
      }}
    >
      <p>{t('moderationQueue.removeBody')}</p>
      <RuleChoice value={rule} onChange={setRule} />
      <ReasonField value={reason} onChange={setReason} />
    </FormDialog>
  );
}

/** Put back what a moderator removed; the reason goes in the audit log. */
export function RestoreDialog({ type, id, onDone, context }: { type: ContentType; id: string; onDone: () => void; context?: string }) {
  const { t } = useTranslation();
  const restore = useRestoreContent();
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      trigger={
        <>
          {t('moderationQueue.restore')}
          {context && <span className="visually-hidden"> {context}</span>}
        </>
      }
      triggerClassName={triggerClass}
      title={t(`moderationQueue.restoreTitle.${type}`)}
      submitLabel={t('moderationQueue.restoreConfirm')}
      busyLabel={t('moderationQueue.restoring')}
      onSubmit={() => {
        const problem = reasonProblem(t, reason);
        if (problem) return problem;
        return restore.mutateAsync({ type, id, reason: reason.trim() }).then(() => {
          setReason('');
          onDone();
        });
      }}
    >
      <p>{t('moderationQueue.restoreBody')}</p>
      <ReasonField value={reason} onChange={setReason} label={t('moderationQueue.auditReasonLabel')} hint={t('moderationQueue.auditReasonHint')} />
    </FormDialog>
  );
}

export type MemberActionKind = 'warn' | 'mute' | 'suspend' | 'ban';

/** Whole hours or days within the limits, or undefined. */
function wholeNumber(value: string, max: number): number | undefined {
  if (!/^\s*\d+\s*$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

/** What the moderator is told once a member action is done. */
export function memberActionDone(t: TFunction, kind: MemberActionKind | 'lift', standing: MemberStanding): string {
  const handle = standing.handle;
  switch (kind) {
    case 'warn':
      return t('moderationQueue.warned', { handle, count: standing.warnings });
    case 'mute':
      return standing.mutedUntil ? t('moderationQueue.mutedUntil', { handle, time: formatDateTime(standing.mutedUntil) }) : t('moderationQueue.muted', { handle });
    case 'suspend':
      return standing.suspendedUntil ? t('moderationQueue.suspendedUntil', { handle, time: formatDateTime(standing.suspendedUntil) }) : t('moderationQueue.suspended', { handle });
    case 'ban':
      return t('moderationQueue.banned', { handle });
    case 'lift':
      return t('moderationQueue.lifted', { handle });
  }
}

interface MemberActionDialogProps {
  kind: MemberActionKind;
  handle: string;
  /** The review item this answers: the server closes it as acted on. */
  itemKey?: string | undefined;
  disabled?: boolean;
  onDone: (message: string) => void;
}

/** Warn, mute for some hours, suspend for some days, or ban a member: always with a guideline and a reason they will read. */
export function MemberActionDialog({ kind, handle, itemKey, disabled = false, onDone }: MemberActionDialogProps) {
  const { t } = useTranslation();
  const action = useMemberAction();
  const [rule, setRule] = useState<Rule | null>(null);
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState('24');
  const [days, setDays] = useState('7');

  const build = (r: Rule, why: string): MemberActionBody | string => {
    const base = { rule: r, reason: why, ...(itemKey ? { itemKey } : {}) };
    switch (kind) {
      case 'warn':
        return { action: 'warn', ...base };
      case 'ban':
        return { action: 'ban', ...base };
      case 'mute': {
        const n = wholeNumber(hours, MUTE_HOURS_MAX);
        return n === undefined ? t('moderationQueue.hoursRange', { max: MUTE_HOURS_MAX }) : { action: 'mute', ...base, hours: n };
      }
      case 'suspend': {
        const n = wholeNumber(days, SUSPEND_DAYS_MAX);
        return n === undefined ? t('moderationQueue.daysRange', { max: SUSPEND_DAYS_MAX }) : { action: 'suspend', ...base, days: n };
      }
    }
  };

  return (
    <FormDialog
      trigger={
        <>
          {t(`moderationQueue.member.${kind}.trigger`)}
          <span className="visually-hidden"> {handle}</span>
        </>
      }
      triggerClassName={kind === 'ban' ? buttonClass('danger', 'button--small') : triggerClass}
      isDisabled={disabled}
      title={t(`moderationQueue.member.${kind}.title`, { handle })}
      submitLabel={t(`moderationQueue.member.${kind}.confirm`)}
      busyLabel={t(`moderationQueue.member.${kind}.busy`)}
      destructive={kind === 'ban' || kind === 'suspend'}
      onSubmit={() => {
        if (!rule) return t('moderationQueue.ruleRequired');
        const problem = reasonProblem(t, reason);
        if (problem) return problem;
        const body = build(rule, reason.trim());
        if (typeof body === 'string') return body;
        return action.mutateAsync({ handle, body }).then(({ member }) => {
          setRule(null);
          setReason('');
          onDone(memberActionDone(t, kind, member));
        });
      }}
    >
      <p>{t(`moderationQueue.member.${kind}.body`)}</p>
      {kind === 'mute' && (
        <Field label={t('moderationQueue.hoursLabel')} hint={t('moderationQueue.hoursHint', { max: MUTE_HOURS_MAX })}>
          {(control) => (
            <input {...control} name="hours" type="number" inputMode="numeric" min={1} max={MUTE_HOURS_MAX} step={1} value={hours} onChange={(e) => setHours(e.target.value)} required />
          )}
        </Field>
      )}
      {kind === 'suspend' && (
        <Field label={t('moderationQueue.daysLabel')} hint={t('moderationQueue.daysHint', { max: SUSPEND_DAYS_MAX })}>
          {(control) => (
            <input {...control} name="days" type="number" inputMode="numeric" min={1} max={SUSPEND_DAYS_MAX} step={1} value={days} onChange={(e) => setDays(e.target.value)} required />
          )}
        </Field>
      )}
      <RuleChoice value={rule} onChange={setRule} />
      <ReasonField value={reason} onChange={setReason} />
    </FormDialog>
  );
}

/** Ends a mute, a suspension or a ban early. */
export function LiftDialog({ handle, onDone }: { handle: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const action = useMemberAction();
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      trigger={
        <>
          {t('moderationQueue.member.lift.trigger')}
          <span className="visually-hidden"> {handle}</span>
        </>
      }
      triggerClassName={triggerClass}
      title={t('moderationQueue.member.lift.title', { handle })}
      submitLabel={t('moderationQueue.member.lift.confirm')}
      busyLabel={t('moderationQueue.member.lift.busy')}
      onSubmit={() => {
        const problem = reasonProblem(t, reason);
        if (problem) return problem;
        return action.mutateAsync({ handle, body: { action: 'lift', reason: reason.trim() } }).then(({ member }) => {
          setReason('');
          onDone(memberActionDone(t, 'lift', member));
        });
      }}
    >
      <p>{t('moderationQueue.member.lift.body')}</p>
      <ReasonField value={reason} onChange={setReason} label={t('moderationQueue.auditReasonLabel')} hint={t('moderationQueue.auditReasonHint')} />
    </FormDialog>
  );
}
