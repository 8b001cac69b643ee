import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import { formatDateTime } from '../../i18n';
import { Field } from '../../ui/Field';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { RestoreDialog } from './ModerationDialogs';
import { ModerationNav } from './ModerationNav';
import { useAuditLog } from './queueApi';
import { ruleLabel } from './rules';

/** The audit trail's actions Kindred has words for; any other shows as it is recorded. */
const AUDIT_ACTIONS = [
  'content.removed',
  'content.restored',
  'review.approved',
  'review.dismissed',
  'member.warned',
  'member.muted',
  'member.suspended',
  'member.banned',
  'member.lifted',
  'message.removed',
  'post.locked',
  'post.unlocked',
  'post.author_revealed',
  'reply.author_revealed',
  'post.deleted_by_moderator',
  'reply.deleted_by_moderator',
  'conversation.muted',
  'conversation.unmuted',
  'conversation.settings_changed',
  'flag.resolved',
  'risk_alert.created',
  'risk_alert.acknowledged',
  'risk_alert.resolved',
  'member.roles_changed',
  'member.admin_granted_by_cli',
  'group.created',
  'group.edited',
  'group.archived',
  'group.restored',
  'group.staff_changed',
  'listener.approved',
  'listener.declined',
  'support.reported',
  'support.moderator_requested',
  'support.accepted',
] as const;

const TARGET_TYPES = ['post', 'reply', 'message', 'member', 'listener', 'listener_application', 'group', 'conversation', 'risk_alert', 'flag', 'content_flag', 'report', 'support_request'] as const;

export function auditActionLabel(t: TFunction, action: string): string {
  const known = AUDIT_ACTIONS.find((a) => a === action);
  return known ? t(`auditLog.actions.${known}`) : action;
}

/** An empty cell: a dash to the eye, a word to a screen reader. */
function Blank() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('auditLog.blank')}</span>
    </>
  );
}

function targetLabel(t: TFunction, type: string): string {
  const known = TARGET_TYPES.find((x) => x === type);
  return known ? t(`auditLog.targets.${known}`) : type;
}

/** /moderation/audit — who did what, to what, under which guideline and why: newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const audit = useAuditLog(action);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const items = audit.data?.pages.flatMap((p) => p.items) ?? [];
  // The actions with words, then any others seen in the record (and the chosen one, always).
  const seen = [...new Set([...items.map((i) => i.action), ...(action ? [action] : [])])].filter((a) => !AUDIT_ACTIONS.some((k) => k === a));
  const choices = [...AUDIT_ACTIONS, ...seen];

  if (audit.isError && isApiError(audit.error) && audit.error.status === 403) {
    return (
      <>
        <PageHeading>{t('alerts.notAllowedTitle')}</PageHeading>
        <p>{t('alerts.notAllowed')}</p>
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('auditLog.title')}</PageHeading>
      <ModerationNav />
      <p className="lead">{t('auditLog.intro')}</p>
      <div className="queue-filters">
        <Field label={t('auditLog.filterAction')}>
          {(control) => (
            <select
              {...control}
              name="action"
              value={action}
              onChange={(e) =>
                setParams(
                  (prev) => {
                    const next = new URLSearchParams(prev);
                    if (e.target.value) next.set('action', e.target.value);
                    else next.delete('action');
                    return next;
                  },
                  { replace: true, preventScrollReset: true },
                )
              }
            >
              <option value="">{t('auditLog.allActions')}</option>
              {choices.map((a) => (
                <option key={a} value={a}>
                  {auditActionLabel(t, a)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {audit.isPending && <Loading label={t('auditLog.loading')} />}
      {audit.isError && items.length === 0 && <LoadError message={audit.error.message} onRetry={() => void audit.refetch()} />}
      {audit.isSuccess && items.length === 0 && <p className="empty-state">{action ? t('auditLog.noneFiltered') : t('auditLog.none')}</p>}
      {items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table className="data-table audit-table">
            <caption id="audit-caption">{action ? t('auditLog.captionFiltered', { action: auditActionLabel(t, action) }) : t('auditLog.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auditLog.colTime')}</th>
                <th scope="col">{t('auditLog.colWho')}</th>
                <th scope="col">{t('auditLog.colAction')}</th>
                <th scope="col">{t('auditLog.colTarget')}</th>
                <th scope="col">{t('auditLog.colRule')}</th>
                <th scope="col">{t('auditLog.colReason')}</th>
                <th scope="col">{t('auditLog.colUndo')}</th>
              </tr>
            </thead>
            <tbody ref={bodyRef}>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row" className="audit-time">
                    <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>
                  </th>
                  <td translate={entry.actor ? 'no' : undefined}>{entry.actor?.handle ?? t('auditLog.automatic')}</td>
                  <td>{auditActionLabel(t, entry.action)}</td>
                  <td>
                    {targetLabel(t, entry.targetType)} <code className="audit-id">{entry.targetId}</code>
                  </td>
                  <td>{entry.rule ? ruleLabel(t, entry.rule) : <Blank />}</td>
                  <td className="audit-reason">{entry.reason ?? <Blank />}</td>
                  <td>
                    {entry.action === 'content.removed' && (entry.targetType === 'post' || entry.targetType === 'reply' || entry.targetType === 'message') ? (
                      <RestoreDialog type={entry.targetType} id={entry.targetId} onDone={() => void audit.refetch()} context={`${targetLabel(t, entry.targetType)} ${entry.targetId}`} />
                    ) : (
                      <Blank />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items.length > 0 && (
        <p className="field-status" role="status">
          {t('auditLog.showing', { count: items.length })}
        </p>
      )}
      <LoadMore pager={audit} listRef={bodyRef} count={items.length} />
    </>
  );
}
