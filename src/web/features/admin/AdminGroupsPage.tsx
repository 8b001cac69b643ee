import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Group } from '../../../shared/api';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { useGroups } from '../groups/api';
import { AdminNav } from './AdminNav';
import { useArchiveGroup, useCreateGroup, useUpdateGroup } from './api';
import { GroupForm } from './GroupForm';
import { GroupStaffSection } from './GroupStaffSection';

export function AdminGroupsPage() {
  const { t } = useTranslation();
  const groups = useGroups({ archived: true });
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const archive = useArchiveGroup();
  const [editing, setEditing] = useState<Group | null>(null);
  const [status, setStatus] = useState('');
  const formHeading = useRef<HTMLHeadingElement>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());

  const startEdit = (group: Group) => {
    setStatus('');
    setEditing(group);
    requestAnimationFrame(() => {
      formHeading.current?.scrollIntoView({ block: 'start' });
      formHeading.current?.focus();
    });
  };

  const stopEdit = (id: string | undefined) => {
    setEditing(null);
    if (id) requestAnimationFrame(() => editButtons.current.get(id)?.focus());
  };

  return (
    <>
      <PageHeading>{t('admin.groupsTitle')}</PageHeading>
      <AdminNav />

      <section className="settings-section">
        <h2 id="group-form-title" ref={formHeading} tabIndex={-1}>
          {editing ? t('admin.editGroupTitle', { name: editing.name }) : t('admin.createGroupTitle')}
        </h2>
        <GroupForm
          key={editing?.id ?? 'new'}
          group={editing}
          busy={create.isPending || update.isPending}
          onCancel={editing ? () => stopEdit(editing.id) : undefined}
          onSubmit={async (body) => {
            setStatus('');
            if (editing) {
              const { group } = await update.mutateAsync({ slug: editing.slug, body });
              setStatus(t('admin.groupSaved', { name: group.name }));
              stopEdit(group.id);
            } else {
              const { visitorsCanRead, ...fields } = body;
              const { group } = await create.mutateAsync(fields);
              if (visitorsCanRead) await update.mutateAsync({ slug: group.slug, body: { visitorsCanRead } });
              setStatus(t('admin.groupCreated', { name: group.name }));
            }
          }}
        />
        <p className="field-status" role="status">
          {status}
        </p>
      </section>

      <section>
        <h2 id="group-list-title">{t('admin.allGroups')}</h2>
        {groups.isPending && <Loading label={t('groups.loading')} />}
        {groups.isError && <LoadError message={groups.error.message} onRetry={() => void groups.refetch()} />}
        {groups.data?.length === 0 && <p>{t('groups.empty')}</p>}
        {groups.data && groups.data.length > 0 && (
          <ul className="card-list">
            {groups.data.map((group) => (
              <li key={group.id}>
                <article className="card">
                  <h3 className="card-title">
                    {group.name}
                    {group.archived && <span className="badge">{t('groups.archivedBadge')}</span>}
                  </h3>
                  <p className="card-meta">{t('groups.members', { count: group.memberCount })}</p>
                  <p className="card-text">{group.description}</p>
                  <div className="button-row">
                    <Link to={`/groups/${encodeURIComponent(group.slug)}`} className="button button--quiet">
                      {t('admin.viewGroup')}
                      <span className="visually-hidden"> {group.name}</span>
                    </Link>
                    <Button
                      variant="secondary"
                      ref={(el) => {
                        if (el) editButtons.current.set(group.id, el);
                        else editButtons.current.delete(group.id);
                      }}
                      onClick={() => startEdit(group)}
                    >
                      {t('admin.edit')}
                      <span className="visually-hidden"> {group.name}</span>
                    </Button>
                    <ConfirmDialog
                      trigger={
                        <>
                          {group.archived ? t('admin.restore') : t('admin.archive')}
                          <span className="visually-hidden"> {group.name}</span>
                        </>
                      }
                      title={group.archived ? t('admin.restoreTitle', { name: group.name }) : t('admin.archiveTitle', { name: group.name })}
                      confirmLabel={group.archived ? t('admin.restoreConfirm') : t('admin.archiveConfirm')}
                      destructive={!group.archived}
                      onConfirm={async () => {
                        const { group: g } = await archive.mutateAsync({ slug: group.slug, archive: !group.archived });
                        setStatus(g.archived ? t('admin.archived', { name: g.name }) : t('admin.restored', { name: g.name }));
                      }}
                    >
                      <p>{group.archived ? t('admin.restoreBody') : t('admin.archiveBody')}</p>
                    </ConfirmDialog>
                  </div>
                  {/* An archived group's staff wait for it to be restored (it has no readers). */}
                  {!group.archived && <GroupStaffSection group={group} />}
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
