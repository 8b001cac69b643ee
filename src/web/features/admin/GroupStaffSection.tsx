import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../shared/api';
import { GROUP_STAFF_ROLES, type GroupStaffRole } from '../../../shared/group-staff';
import { isApiError } from '../../api/client';
import { Button } from '../../ui/Button';
import { Field, VERBATIM } from '../../ui/Field';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { useGroupStaff, useSetGroupStaff } from '../groups/api';

/**
 * A group's hosts and moderators, on the admin groups page: who they are, adding a member of the
 * group by handle, and taking someone off. Read only when opened, so the page asks for nothing
 * per group up front.
 */
export function GroupStaffSection({ group }: { group: Group }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const staff = useGroupStaff(group.slug, { enabled: open });
  const set = useSetGroupStaff(group.slug);
  const feedback = useFeedback();
  const [handle, setHandle] = useState('');
  const [role, setRole] = useState<GroupStaffRole>('moderator');
  const [handleError, setHandleError] = useState<string | undefined>();
  const handleRef = useRef<HTMLInputElement>(null);
  const roleName = (r: GroupStaffRole) => t(`groupStaff.roles.${r}`);

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (set.isPending) return;
    feedback.reset();
    const who = handle.trim();
    if (!who) {
      setHandleError(t('groupStaff.handleRequired'));
      handleRef.current?.focus();
      return;
    }
    setHandleError(undefined);
    set.mutate(
      { handle: who, role },
      {
        onSuccess: (data) => {
          const added = data.items.find((s) => s.handle.toLowerCase() === who.toLowerCase());
          feedback.done(t('groupStaff.added', { handle: added?.handle ?? who, role: roleName(role), group: group.name }));
          setHandle('');
        },
        onError: (error) => {
          // A problem with the handle (unknown, or not in the group) is told next to it.
          if (isApiError(error) && (error.status === 404 || error.code === 'not_a_member')) {
            setHandleError(error.code === 'not_a_member' ? t('groupStaff.notInGroup', { handle: who }) : t('groupStaff.noSuchMember', { handle: who }));
            handleRef.current?.focus();
          } else {
            feedback.fail(error);
          }
        },
      },
    );
  };

  const remove = (who: string) => {
    feedback.reset();
    set.mutate({ handle: who, role: 'member' }, { onSuccess: () => feedback.done(t('groupStaff.removed', { handle: who, group: group.name })), onError: feedback.fail });
  };

  const items = staff.data ?? [];
  return (
    <details className="group-staff" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('groupStaff.adminTitle')}
        <span className="visually-hidden"> {group.name}</span>
      </summary>
      <p className="field-hint">{t('groupStaff.adminIntro')}</p>
      {staff.isPending && open && <p>{t('app.loading')}</p>}
      {staff.isError && (
        <p className="field-error" role="alert">
          {staff.error.message}
        </p>
      )}
      {staff.isSuccess && items.length === 0 && <p>{t('groupStaff.none')}</p>}
      {items.length > 0 && (
        <ul className="staff-list" aria-label={t('groupStaff.listLabel', { group: group.name })}>
          {items.map((s) => (
            <li key={s.handle}>
              <span>
                <span translate="no">{s.handle}</span> · {roleName(s.role)}
              </span>
              <Button className="button--small" busy={set.isPending && set.variables.handle === s.handle} onClick={() => remove(s.handle)}>
                {t('groupStaff.remove')}
                <span className="visually-hidden"> {s.handle}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate className="form">
        <Field label={t('groupStaff.handleLabel')} hint={t('groupStaff.handleHint')} error={handleError}>
          {(control) => (
            <input
              {...control}
              {...VERBATIM}
              ref={handleRef}
              name="handle"
              type="text"
              autoComplete="off"
              value={handle}
              onChange={(e) => {
                setHandle(e.target.value);
                if (handleError) setHandleError(undefined);
              }}
            />
          )}
        </Field>
        <Field label={t('groupStaff.roleLabel')}>
          {(control) => (
            <select {...control} name="role" value={role} onChange={(e) => setRole(e.target.value as GroupStaffRole)}>
              {GROUP_STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`groupStaff.roleOptions.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" variant="primary" busy={set.isPending && set.variables.role !== 'member'} busyLabel={t('groupStaff.adding')}>
          {t('groupStaff.add')}
        </Button>
      </form>
      <FeedbackText feedback={feedback} />
    </details>
  );
}
