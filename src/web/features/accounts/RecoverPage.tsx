import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePendingRecoveryCode } from '../../app/pendingRecoveryCode';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { clientProblem, useFormProblem } from '../../ui/formProblem';
import { PageHeading } from '../../ui/PageHeading';
import { RecoveryCodeStep } from '../../ui/RecoveryCodeStep';
import { useRecover } from './api';
import { PassphraseField } from './PassphraseField';
import { newPassphraseProblem, required } from './validation';

const HERE = '/recover';

export function RecoverPage() {
  const navigate = useNavigate();
  const { pending, setPending } = usePendingRecoveryCode();
  if (pending && pending.shownAt === HERE) {
    return (
      <RecoveryCodeStep
        code={pending.code}
        handle={pending.handle}
        issuedAt={pending.issuedAt}
        onContinue={() => {
          setPending(null);
          void navigate('/', { state: { notice: 'recovered' } });
        }}
      />
    );
  }
  return <RecoverForm />;
}

function RecoverForm() {
  const { t } = useTranslation();
  const { setPending } = usePendingRecoveryCode();
  const form = useFormProblem();
  const [handle, setHandle] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const recover = useRecover((data) => {
    setNewPassphrase('');
    setRecoveryCode('');
    setPending({ code: data.recoveryCode, handle: data.member.handle, issuedAt: Date.now(), shownAt: HERE });
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (recover.isPending) return;
    const problem = clientProblem({
      handle: required(handle.trim(), 'validation.handleRequired'),
      recoveryCode: required(recoveryCode.trim(), 'validation.recoveryCodeRequired'),
      newPassphrase: newPassphraseProblem(newPassphrase),
    });
    if (problem) return form.show(problem);
    form.clear();
    recover.mutate({ handle: handle.trim(), recoveryCode: recoveryCode.trim(), newPassphrase }, { onError: form.fail });
  };

  return (
    <>
      <PageHeading>{t('recover.title')}</PageHeading>
      <p className="lead">{t('recover.intro')}</p>
      <form ref={form.formRef} onSubmit={submit} noValidate className="form">
        <FormError
          problem={form.problem}
          summaryRef={form.summaryRef}
          formRef={form.formRef}
          labels={{ handle: t('fields.handle'), recoveryCode: t('fields.recoveryCode'), newPassphrase: t('fields.newPassphrase') }}
        />
        <Field label={t('fields.handle')} error={form.fieldError('handle')}>
          {(control) => (
            <input
              {...control}
              name="handle"
              type="text"
              value={handle}
              onChange={(e) => setHandle(e.target.value)}
              required
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
            />
          )}
        </Field>
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
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
            />
          )}
        </Field>
        <PassphraseField
          label={t('fields.newPassphrase')}
          name="newPassphrase"
          value={newPassphrase}
          onChange={setNewPassphrase}
          autoComplete="new-password"
          hint={t('fields.newPassphraseHint')}
          error={form.fieldError('newPassphrase')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={recover.isPending} busyLabel={t('recover.submitting')}>
            {t('recover.submit')}
          </Button>
        </div>
      </form>
      <p>
        <Link to="/login">{t('recover.backToLogin')}</Link>
      </p>
      <p>{t('recover.noCode')}</p>
    </>
  );
}
