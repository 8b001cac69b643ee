import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminMember } from '../../../shared/api';
import { GRANTABLE_ROLES } from '../../../shared/rules';
import { formatDate } from '../../i18n';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/Field';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { useSetRoles, type GrantableRole } from './api';

const grantable = (roles: readonly string[]) => GRANTABLE_ROLES.filter((r) => roles.includes(r));

/** One member with their roles as checkboxes and a Save for this row only. */
export function MemberRow({ member, selfId }: { member: AdminMember; selfId: string | undefined }) {
  const { t } = useTranslation();
  const setRoles = useSetRoles(selfId);
  const [roles, setRolesState] = useState<GrantableRole[]>(() => grantable(member.roles));
  const feedback = useFeedback();

  const toggle = (role: GrantableRole, on: boolean) => {
    feedback.done('');
    setRolesState((current) => GRANTABLE_ROLES.filter((r) => (r === role ? on : current.includes(r))));
  };

  const save = () => {
    if (setRoles.isPending) return;
    feedback.reset();
    const saved = grantable(member.roles);
    if (saved.length === roles.length && saved.every((r) => roles.includes(r))) {
      feedback.done(t('admin.noRoleChanges'));
      return;
    }
    setRoles.mutate(
      { id: member.id, roles },
      {
        onSuccess: ({ member: m }) => {
          setRolesState(grantable(m.roles));
          feedback.done(t('admin.rolesSaved', { handle: m.handle }));
        },
        onError: feedback.fail,
      },
    );
  };

  return (
    <article className="card member-row">
      <h2 className="card-title" translate="no">
        {member.handle}
        {member.id === selfId && <span className="badge">{t('admin.you')}</span>}
      </h2>
      <p className="card-meta">{t('admin.joinedOn', { date: formatDate(member.createdAt, 'medium') })}</p>
      <fieldset className="role-fieldset">
        <legend>
          {t('admin.roles')}
          <span className="visually-hidden"> {t('admin.rolesFor', { handle: member.handle })}</span>
        </legend>
        <div className="role-grid">
          {GRANTABLE_ROLES.map((role) => (
            <CheckboxField key={role} label={t(`roles.${role}`)} checked={roles.includes(role)} onChange={(on) => toggle(role, on)} />
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <Button variant="primary" busy={setRoles.isPending} busyLabel={t('admin.savingRoles')} onClick={save}>
          {t('admin.saveRoles')}
          <span className="visually-hidden"> {t('admin.rolesFor', { handle: member.handle })}</span>
        </Button>
        <FeedbackText feedback={feedback} />
      </div>
    </article>
  );
}
