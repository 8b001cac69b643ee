import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry, JournalEntryBody } from '../../../shared/journal';
import { JOURNAL_BODY_MAX, JOURNAL_TITLE_MAX } from '../../../shared/journal-rules';
import { Button } from '../../ui/Button';
import { CharacterCount, charCount, useCharacterStatus } from '../../ui/CharacterCount';
import { Field } from '../../ui/Field';
import { Form } from '../../ui/Form';
import { useMutationForm } from '../../ui/useMutationForm';
import type { UseMutationResult } from '@tanstack/react-query';

interface EntryFormProps {
  initial: JournalEntryBody;
  save: UseMutationResult<JournalEntry, Error, JournalEntryBody>;
  submitLabel: string;
  busyLabel: string;
  /** After a save: the form is emptied (a new entry) or left (editing goes back to reading). */
  onSaved: (entry: JournalEntry) => void;
  onCancel?: () => void;
}

/**
 * The calm editor: an optional title and the entry itself. What is typed stays in the page
 * while it is open (a refused save keeps every word) but is never saved to this browser.
 */
export function EntryForm({ initial, save, submitLabel, busyLabel, onSaved, onCancel }: EntryFormProps) {
  const { t } = useTranslation();
  const [words, setWords] = useState(initial);
  const form = useMutationForm(save);
  const titleStatus = useCharacterStatus(words.title, JOURNAL_TITLE_MAX);
  const bodyStatus = useCharacterStatus(words.body, JOURNAL_BODY_MAX);

  const submit = form.handleSubmit(() => ({
    checks: {
      title: charCount(words.title) > JOURNAL_TITLE_MAX ? t('journal.titleMax', { max: JOURNAL_TITLE_MAX }) : undefined,
      body: !words.body.trim()
        ? t('journal.bodyRequired')
        : charCount(words.body) > JOURNAL_BODY_MAX
          ? t('journal.bodyMax', { max: JOURNAL_BODY_MAX.toLocaleString() })
          : undefined,
    },
    body: words,
    onSuccess: (entry) => {
      setWords(initial);
      onSaved(entry);
    },
  }));

  return (
    <Form form={form} onSubmit={submit} labels={{ title: t('journal.titleLabel'), body: t('journal.bodyLabel') }}>
      <Field label={t('journal.titleLabel')} hint={t('journal.titleHint')} error={form.fieldError('title')} status={titleStatus} extra={<CharacterCount text={words.title} max={JOURNAL_TITLE_MAX} />}>
        {(control) => <input {...control} name="title" type="text" autoComplete="off" value={words.title} onChange={(e) => setWords({ ...words, title: e.target.value })} />}
      </Field>
      <Field label={t('journal.bodyLabel')} error={form.fieldError('body')} status={bodyStatus} extra={<CharacterCount text={words.body} max={JOURNAL_BODY_MAX} />}>
        {(control) => (
          <textarea {...control} name="body" className="journal-body-input" rows={10} value={words.body} onChange={(e) => setWords({ ...words, body: e.target.value })} />
        )}
      </Field>
      <div className="form-actions button-row">
        <Button type="submit" variant="primary" busy={save.isPending} busyLabel={busyLabel}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={save.isPending}>
            {t('app.cancel')}
          </Button>
        )}
      </div>
    </Form>
  );
}
