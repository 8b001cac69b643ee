import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { safeNext } from '../../app/guards';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { clientProblem, useFormProblem } from '../../ui/formProblem';
import { PageHeading } from '../../ui/PageHeading';
import { useLogIn } from './api';
import { PassphraseField } from './PassphraseField';
import { required } from './validation';

export function LogInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { member } = useSession();
  const form = useFormProblem();
  const [handle, setHandle] = useState('');
  const [passphrase, setPassphrase] = useState('');
  // Once the session starts this page renders the redirect below.
  const logIn = useLogIn(() => setPassphrase(''));

  if (member) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (logIn.isPending) return;
    const problem = clientProblem({
      handle: required(handle.trim(), 'validation.handleRequired'),
      passphrase: required(passphrase, 'validation.passphraseRequired'),
    });
    if (problem) return form.show(problem);
    form.clear();
    logIn.mutate({ handle: handle.trim(), passphrase }, { onError: form.fail });
  };

  return (
    <>
      <PageHeading>{t('login.title')}</PageHeading>
      <p className="lead">{t('login.intro')}</p>
      <form ref={form.formRef} onSubmit={submit} noValidate className="form">
        <FormError
          problem={form.problem}
          summaryRef={form.summaryRef}
          formRef={form.formRef}
          labels={{ handle: t('fields.handle'), passphrase: t('fields.passphrase') }}
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
        <PassphraseField
          label={t('fields.passphrase')}
          name="passphrase"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          error={form.fieldError('passphrase')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={logIn.isPending} busyLabel={t('login.submitting')}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
      <ul className="link-list">
        <li>
          <Link to="/recover">{t('login.forgot')}</Link>
        </li>
        <li>
          {t('login.newHere')} <Link to="/signup">{t('login.signUpLink')}</Link>
        </li>
      </ul>
    </>
  );
}
