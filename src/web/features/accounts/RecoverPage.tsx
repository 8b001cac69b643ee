import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PendingRecoveryCodeGate, useShowRecoveryCode } from '../../app/pendingRecoveryCode';
import { Button } from '../../ui/Button';
import { Field, VERBATIM } from '../../ui/Field';
import { Form } from '../../ui/Form';
import { PageHeading } from '../../ui/PageHeading';
import { useMutationForm } from '../../ui/useMutationForm';
import { useRecover } from './api';
import { KnownHandleField } from './HandleField';
import { PassphraseField } from './PassphraseField';
import { newPassphraseProblem, required } from './validation';

const HERE = '/recover';

export function RecoverPage() {
  const navigate = useNavigate();
  return (
    <PendingRecoveryCodeGate shownAt={HERE} onContinue={() => void navigate('/', { state: { notice: 'recovered' } })}>
      <RecoverForm />
    </PendingRecoveryCodeGate>
  );
}

function RecoverForm() {
  const { t } = useTranslation();
  const showRecoveryCode = useShowRecoveryCode(HERE);
  const [handle, setHandle] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const recover = useRecover((data) => {
    setNewPassphrase('');
    setRecoveryCode('');
    showRecoveryCode(data.recoveryCode, data.member.handle);
  });
  const form = useMutationForm(recover);

  const submit = form.handleSubmit(() => ({
    checks: {
      handle: required(handle.trim(), 'validation.handleRequired'),
      recoveryCode: required(recoveryCode.trim(), 'validation.recoveryCodeRequired'),
      newPassphrase: newPassphraseProblem(newPassphrase),
    },
    body: { handle: handle.trim(), recoveryCode: recoveryCode.trim(), newPassphrase },
  }));

  const labels = { handle: t('fields.handle'), recoveryCode: t('fields.recoveryCode'), newPassphrase: t('fields.newPassphrase') };

  return (
    <>
      <PageHeading>{t('recover.title')}</PageHeading>
      <p className="lead">{t('recover.intro')}</p>
      <Form form={form} onSubmit={submit} labels={labels}>
        <KnownHandleField value={handle} onChange={setHandle} error={form.fieldError('handle')} />
        <Field label={t('fields.recoveryCode')} hint={t('recover.codeHint')} error={form.fieldError('recoveryCode')}>
          {(control) => (
            <input
              {...control}
              name="recoveryCode"
              type="text"
              className="input-code"
              value={recoveryCode}
              onChange={(e) => setRecoveryCode(e.target.value)}
              required
              autoComplete="off"
              {...VERBATIM}
            />
          )}
        </Field>
        <PassphraseField name="newPassphrase" value={newPassphrase} onChange={setNewPassphrase} isNew error={form.fieldError('newPassphrase')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={recover.isPending} busyLabel={t('recover.submitting')}>
            {t('recover.submit')}
          </Button>
        </div>
      </Form>
      <p>
        <Link to="/login">{t('recover.backToLogin')}</Link>
      </p>
      <p>{t('recover.noCode')}</p>
    </>
  );
}
