import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminMember } from '../../../shared/api';
import { GRANTABLE_ROLES } from '../../../shared/rules';
import { formatDate } from '../../i18n';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/Field';
import { FeedbackText, useFeedback } from '../../ui/useFeedback';
import { useSetRoles, useSetTrust, type GrantableRole } from './api';

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
        {member.facilitatorTrained === false && !member.roles.includes('facilitator') && <p className="field-hint">{t('admin.facilitatorNotTrained', { handle: member.handle })}</p>}
      </fieldset>
      <div className="form-actions">
        <Button variant="primary" busy={setRoles.isPending} busyLabel={t('admin.savingRoles')} onClick={save}>
          {t('admin.saveRoles')}
          <span className="visually-hidden"> {t('admin.rolesFor', { handle: member.handle })}</span>
        </Button>
        <FeedbackText feedback={feedback} />
      </div>
      <TrustControl member={member} />
    </article>
  );
}

/**
 * The member's trust level, and a way to vouch for someone the community knows (levels 0-2;
 * level 3 is only earned). New members' links wait for a moderator; a vouch lets them through.
 */
function TrustControl({ member }: { member: AdminMember }) {
  const { t } = useTranslation();
  const setTrust = useSetTrust();
  const [level, setLevel] = useState(() => Math.min(member.trustLevel, 2));
  const feedback = useFeedback();
  const id = useId();
  const save = () => {
    if (setTrust.isPending) return;
    feedback.reset();
    setTrust.mutate({ id: member.id, level }, { onSuccess: ({ member: m }) => feedback.done(t('admin.trustSaved', { handle: m.handle, level: t(`admin.trustLevels.${m.trustLevel as 0 | 1 | 2 | 3}`) })), onError: feedback.fail });
  };
  return (
    <div className="trust-control">
      <p className="card-meta">{t('admin.trustNow', { level: t(`admin.trustLevels.${Math.min(3, Math.max(0, member.trustLevel)) as 0 | 1 | 2 | 3}`) })}</p>
      {member.trustLevel < 3 && (
        <div className="field">
          <label htmlFor={id} className="field-label">
            {t('admin.trustLabel')}
            <span className="visually-hidden"> {t('admin.rolesFor', { handle: member.handle })}</span>
          </label>
          <p className="field-hint" id={`${id}-hint`}>
            {t('admin.trustHint')}
          </p>
          <div className="button-row">
            <select id={id} aria-describedby={`${id}-hint`} value={level} onChange={(e) => setLevel(Number(e.target.value))}>
              {[0, 1, 2].map((l) => (
                <option key={l} value={l}>
                  {t(`admin.trustLevels.${l as 0 | 1 | 2}`)}
                </option>
              ))}
            </select>
            <Button variant="secondary" busy={setTrust.isPending} busyLabel={t('admin.savingTrust')} onClick={save}>
              {t('admin.saveTrust')}
              <span className="visually-hidden"> {t('admin.rolesFor', { handle: member.handle })}</span>
            </Button>
          </div>
          <FeedbackText feedback={feedback} />
        </div>
      )}
    </div>
  );
}
