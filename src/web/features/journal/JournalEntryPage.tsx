import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { formatDateTime } from '../../i18n';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { useDeleteEntry, useEditEntry, useJournalEntry } from './api';
import { EntryForm } from './EntryForm';
import { JournalPrivacy } from './JournalPage';
import './journal.css';

/** /journal/:id — one entry: read it, rewrite it, or delete it for good. */
export function JournalEntryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const entry = useJournalEntry(id);
  const edit = useEditEntry(id);
  const remove = useDeleteEntry(id);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const back = (
    <p>
      <Link to="/journal">{t('journal.back')}</Link>
    </p>
  );

  if (entry.isPending) return <Loading label={t('journal.loadingEntry')} />;
  if (entry.isError) {
    const gone = isApiError(entry.error) && entry.error.status === 404;
    return (
      <div className="journal-page">
        <PageHeading>{gone ? t('journal.notFoundTitle') : t('journal.title')}</PageHeading>
        {gone ? <p>{t('journal.notFound')}</p> : <LoadError message={entry.error.message} onRetry={() => void entry.refetch()} />}
        {back}
      </div>
    );
  }

  const e = entry.data;
  const when = formatDateTime(e.createdAt);
  const heading = e.title || t('journal.untitled', { date: when });
  return (
    <div className="journal-page">
      {back}
      <PageHeading title={heading}>{editing ? t('journal.editHeading') : heading}</PageHeading>
      <JournalPrivacy />
      {editing ? (
        <EntryForm
          initial={{ title: e.title, body: e.body }}
          save={edit}
          submitLabel={t('journal.saveChanges')}
          busyLabel={t('journal.saving')}
          onSaved={() => {
            setEditing(false);
            setStatus(t('journal.savedChanges'));
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <p className="card-meta">
            <span>
              {t('journal.writtenOn')} <time dateTime={new Date(e.createdAt).toISOString()}>{when}</time>
            </span>
            {e.updatedAt !== e.createdAt && (
              <span>
                {t('journal.editedOn')} <time dateTime={new Date(e.updatedAt).toISOString()}>{formatDateTime(e.updatedAt)}</time>
              </span>
            )}
          </p>
          <div className="journal-text">{e.body}</div>
          <div className="button-row journal-actions">
            <Button
              variant="secondary"
              onClick={() => {
                setStatus('');
                setEditing(true);
              }}
            >
              {t('journal.edit')}
            </Button>
            <ConfirmDialog
              trigger={t('journal.delete')}
              title={t('journal.deleteTitle')}
              confirmLabel={t('journal.deleteConfirm')}
              busyLabel={t('journal.deleting')}
              destructive
              onConfirm={async () => {
                await remove.mutateAsync();
                void navigate('/journal', { state: { deleted: true } });
              }}
            >
              <p>{t('journal.deleteBody')}</p>
            </ConfirmDialog>
          </div>
        </>
      )}
      <p className="field-status" role="status">
        {status}
      </p>
    </div>
  );
}
