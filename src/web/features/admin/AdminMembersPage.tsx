import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/rules';
import { useSession } from '../../api/session';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { AdminNav } from './AdminNav';
import { useAdminMembers, type MemberFilter } from './api';
import { MemberRow } from './MemberRow';

export function AdminMembersPage() {
  const { t } = useTranslation();
  const { member: self } = useSession();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [filter, setFilter] = useState<MemberFilter>({ q: '', role: '' });
  const members = useAdminMembers(filter);
  const resultsId = useId();

  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ q, role });
  };

  const items = members.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeading>{t('admin.membersTitle')}</PageHeading>
      <AdminNav />
      <form onSubmit={search} className="form search-form" role="search" aria-label={t('admin.searchLabel')}>
        <Field label={t('admin.searchHandle')}>
          {(control) => <input {...control} name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field label={t('admin.roleFilter')}>
          {(control) => (
            <select {...control} name="role" value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
              <option value="">{t('admin.allRoles')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <Button type="submit" variant="primary" aria-controls={resultsId}>
            {t('admin.search')}
          </Button>
        </div>
      </form>

      <div id={resultsId}>
        {members.isPending && <Loading label={t('admin.loadingMembers')} />}
        {members.isError && <LoadError message={members.error.message} onRetry={() => void members.refetch()} />}
        {members.isSuccess && (
          <p className="field-status" role="status">
            {items.length === 0 ? t('admin.noMembers') : t('admin.showingMembers', { count: items.length })}
          </p>
        )}
        {items.length > 0 && (
          <ul className="card-list">
            {items.map((m) => (
              <li key={m.id}>
                <MemberRow member={m} selfId={self?.id} />
              </li>
            ))}
          </ul>
        )}
        {members.hasNextPage && (
          <div className="form-actions">
            <Button
              variant="secondary"
              busy={members.isFetchingNextPage}
              busyLabel={t('admin.loadingMore')}
              onClick={() => void members.fetchNextPage()}
            >
              {t('admin.loadMore')}
            </Button>
          </div>
        )}
      </div>
    </>
  );
}
