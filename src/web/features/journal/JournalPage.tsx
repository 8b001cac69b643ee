import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { JournalSummary } from '../../../shared/journal';
import { formatDateTime } from '../../i18n';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeading } from '../../ui/PageHeading';
import { LoadError, Loading } from '../../ui/Status';
import { useJournal, useWriteEntry } from './api';
import { EntryForm } from './EntryForm';
import './journal.css';

const EMPTY = { title: '', body: '' };

/** The line under every journal page: who can read it, and how it is kept. */
export function JournalPrivacy() {
  const { t } = useTranslation();
  return <p className="journal-privacy">{t('journal.privacy')}</p>;
}

function EntryItem({ entry }: { entry: JournalSummary }) {
  const { t } = useTranslation();
  const when = formatDateTime(entry.createdAt);
  return (
    <article className="card journal-item">
      <h3 className="card-title">
        <Link to={`/journal/${entry.id}`}>{entry.unreadable ? t('journal.unreadableTitle') : entry.title || t('journal.untitled', { date: when })}</Link>
      </h3>
      <p className="card-meta">
        <time dateTime={new Date(entry.createdAt).toISOString()}>{when}</time>
        {entry.updatedAt !== entry.createdAt && <span>{t('journal.edited')}</span>}
      </p>
      {entry.unreadable ? <p className="card-text">{t('journal.unreadable')}</p> : entry.preview && <p className="card-text journal-preview">{entry.preview}</p>}
    </article>
  );
}

/**
 * /journal — the member's private journal: a calm place to write, and what they wrote before,
 * newest first. Only they can read it; the server keeps it sealed.
 */
export function JournalPage() {
  const { t } = useTranslation();
  const list = useJournal();
  const write = useWriteEntry();
  const listRef = useRef<HTMLUListElement>(null);
  const deleted = (useLocation().state as { deleted?: boolean } | null)?.deleted === true;
  const [status, setStatus] = useState(deleted ? t('journal.deleted') : '');
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="journal-page">
      <PageHeading>{t('journal.title')}</PageHeading>
      <p className="lead">{t('journal.intro')}</p>
      <JournalPrivacy />
      <p>
        {t('journal.heavy')} <Link to="/help">{t('nav.helpNow')}</Link>
      </p>
      <section aria-labelledby="journal-write" className="journal-write">
        <h2 id="journal-write">{t('journal.writeHeading')}</h2>
        <EntryForm
          initial={EMPTY}
          save={write}
          submitLabel={t('journal.save')}
          busyLabel={t('journal.saving')}
          onSaved={(entry) => setStatus(t('journal.savedNew', { title: entry.title || t('journal.untitledShort') }))}
        />
        <p className="field-status" role="status">
          {status}
        </p>
      </section>
      <section aria-labelledby="journal-entries">
        <h2 id="journal-entries">{t('journal.entriesHeading')}</h2>
        {list.isPending && <Loading label={t('journal.loading')} />}
        {list.isError && items.length === 0 && <LoadError message={list.error.message} onRetry={() => void list.refetch()} />}
        {list.isSuccess && items.length === 0 && <p>{t('journal.empty')}</p>}
        {items.length > 0 && (
          <ul className="card-list" ref={listRef}>
            {items.map((entry) => (
              <li key={entry.id}>
                <EntryItem entry={entry} />
              </li>
            ))}
          </ul>
        )}
        <LoadMore pager={list} listRef={listRef} count={items.length} />
      </section>
    </div>
  );
}
