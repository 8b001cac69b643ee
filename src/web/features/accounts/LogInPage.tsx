import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { safeNext } from '../../app/guards';
import { Button } from '../../ui/Button';
import { Form } from '../../ui/Form';
import { PageHeading } from '../../ui/PageHeading';
import { useMutationForm } from '../../ui/useMutationForm';
import { useLogIn } from './api';
import { KnownHandleField } from './HandleField';
import { PassphraseField } from './PassphraseField';
import { required } from './validation';

export function LogInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { member } = useSession();
  const [handle, setHandle] = useState('');
  const [passphrase, setPassphrase] = useState('');
  // Once the session starts this page renders the redirect below.
  const logIn = useLogIn(() => setPassphrase(''));
  const form = useMutationForm(logIn);

  if (member) return <Navigate to={next} replace />;

  const submit = form.handleSubmit(() => ({
    checks: {
      handle: required(handle.trim(), 'validation.handleRequired'),
      passphrase: required(passphrase, 'validation.passphraseRequired'),
    },
    body: { handle: handle.trim(), passphrase },
  }));

  return (
    <>
      <PageHeading>{t('login.title')}</PageHeading>
      <p className="lead">{t('login.intro')}</p>
      <Form form={form} onSubmit={submit} labels={{ handle: t('fields.handle'), passphrase: t('fields.passphrase') }}>
        <KnownHandleField value={handle} onChange={setHandle} error={form.fieldError('handle')} />
        <PassphraseField name="passphrase" value={passphrase} onChange={setPassphrase} error={form.fieldError('passphrase')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={logIn.isPending} busyLabel={t('login.submitting')}>
            {t('login.submit')}
          </Button>
        </div>
      </Form>
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
