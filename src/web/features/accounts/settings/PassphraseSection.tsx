import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { Form } from '../../../ui/Form';
import { useMutationForm } from '../../../ui/useMutationForm';
import { useChangePassphrase } from '../api';
import { PassphraseField } from '../PassphraseField';
import { newPassphraseProblem, required } from '../validation';

export function PassphraseSection() {
  const { t } = useTranslation();
  const change = useChangePassphrase();
  const form = useMutationForm(change);
  const [currentPassphrase, setCurrent] = useState('');
  const [newPassphrase, setNew] = useState('');
  const [status, setStatus] = useState('');

  const submit = form.handleSubmit(() => {
    setStatus('');
    return {
      checks: {
        currentPassphrase: required(currentPassphrase, 'validation.passphraseRequired'),
        newPassphrase: newPassphraseProblem(newPassphrase),
      },
      body: { currentPassphrase, newPassphrase },
      onSuccess: () => {
        // Done: the passphrases are not kept on screen any longer than needed.
        setCurrent('');
        setNew('');
        setStatus(t('settings.passphraseChanged'));
      },
    };
  });

  return (
    <section className="settings-section">
      <h2 id="passphrase-title">{t('settings.passphraseTitle')}</h2>
      <Form form={form} onSubmit={submit} labels={{ currentPassphrase: t('fields.currentPassphrase'), newPassphrase: t('fields.newPassphrase') }}>
        <PassphraseField name="currentPassphrase" value={currentPassphrase} onChange={setCurrent} error={form.fieldError('currentPassphrase')} />
        <PassphraseField name="newPassphrase" value={newPassphrase} onChange={setNew} isNew error={form.fieldError('newPassphrase')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={change.isPending} busyLabel={t('settings.changingPassphrase')}>
            {t('settings.changePassphrase')}
          </Button>
          <p className="field-status" role="status">
            {status}
          </p>
        </div>
      </Form>
    </section>
  );
}
