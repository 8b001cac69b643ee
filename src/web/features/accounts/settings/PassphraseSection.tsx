import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { clientProblem, useFormProblem } from '../../../ui/formProblem';
import { useChangePassphrase } from '../api';
import { PassphraseField } from '../PassphraseField';
import { newPassphraseProblem, required } from '../validation';

export function PassphraseSection() {
  const { t } = useTranslation();
  const form = useFormProblem();
  const change = useChangePassphrase();
  const [currentPassphrase, setCurrent] = useState('');
  const [newPassphrase, setNew] = useState('');
  const [status, setStatus] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending) return;
    setStatus('');
    const problem = clientProblem({
      currentPassphrase: required(currentPassphrase, 'validation.passphraseRequired'),
      newPassphrase: newPassphraseProblem(newPassphrase),
    });
    if (problem) return form.show(problem);
    form.clear();
    change.mutate(
      { currentPassphrase, newPassphrase },
      {
        onSuccess: () => {
          // Done: the passphrases are not kept on screen any longer than needed.
          setCurrent('');
          setNew('');
          setStatus(t('settings.passphraseChanged'));
        },
        onError: form.fail,
      },
    );
  };

  return (
    <section className="settings-section">
      <h2 id="passphrase-title">{t('settings.passphraseTitle')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate className="form">
        <FormError
          problem={form.problem}
          summaryRef={form.summaryRef}
          formRef={form.formRef}
          labels={{ currentPassphrase: t('fields.currentPassphrase'), newPassphrase: t('fields.newPassphrase') }}
        />
        <PassphraseField
          label={t('fields.currentPassphrase')}
          name="currentPassphrase"
          value={currentPassphrase}
          onChange={setCurrent}
          autoComplete="current-password"
          error={form.fieldError('currentPassphrase')}
        />
        <PassphraseField
          label={t('fields.newPassphrase')}
          name="newPassphrase"
          value={newPassphrase}
          onChange={setNew}
          autoComplete="new-password"
          hint={t('fields.newPassphraseHint')}
          error={form.fieldError('newPassphrase')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={change.isPending} busyLabel={t('settings.changingPassphrase')}>
            {t('settings.changePassphrase')}
          </Button>
          <p className="field-status" role="status">
            {status}
          </p>
        </div>
      </form>
    </section>
  );
}
