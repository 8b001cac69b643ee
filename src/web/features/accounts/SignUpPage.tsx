import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Language } from '../../../shared/rules';
import { useSession } from '../../api/session';
import { PendingRecoveryCodeGate, useShowRecoveryCode } from '../../app/pendingRecoveryCode';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/Field';
import { Form } from '../../ui/Form';
import { PageHeading } from '../../ui/PageHeading';
import { useMutationForm } from '../../ui/useMutationForm';
import { browserRegion, useHelpCountries } from '../help/api';
import { GuidelinesDialog } from '../help/GuidelinesDialog';
import { fetchHandleSuggestion, useSignUp } from './api';
import { HandleField } from './HandleField';
import { PassphraseField } from './PassphraseField';
import { CountryField, defaultLanguage, LanguageField } from './ProfileFields';
import { handleProblem, newPassphraseProblem } from './validation';

const HERE = '/signup';

export function SignUpPage() {
  const navigate = useNavigate();
  const { member } = useSession();
  return (
    <PendingRecoveryCodeGate shownAt={HERE} onContinue={() => void navigate('/groups', { state: { notice: 'welcome' } })}>
      {member ? <AlreadySignedUp handle={member.handle} /> : <SignUpForm />}
    </PendingRecoveryCodeGate>
  );
}

function AlreadySignedUp({ handle }: { handle: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('signup.title')}</PageHeading>
      <p>{t('signup.alreadyIn', { handle })}</p>
      <p>
        <Link to="/groups">{t('home.browseGroups')}</Link>
      </p>
    </>
  );
}

function SignUpForm() {
  const { t } = useTranslation();
  const showRecoveryCode = useShowRecoveryCode(HERE);
  const signUp = useSignUp((data) => {
    setPassphrase('');
    showRecoveryCode(data.recoveryCode, data.member.handle);
  });
  const form = useMutationForm(signUp);

  const [handle, setHandle] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [country, setCountry] = useState('');
  const [language, setLanguage] = useState<string>(defaultLanguage);
  const [accepted, setAccepted] = useState(false);

  // Prefill a friendly handle and the browser's country, unless the person got there first.
  const handleTouched = useRef(false);
  const countryTouched = useRef(false);
  const suggestion = useQuery({ queryKey: ['handle-suggestion'], queryFn: fetchHandleSuggestion, staleTime: Infinity, retry: false });
  const countries = useHelpCountries();
  useEffect(() => {
    if (suggestion.data && !handleTouched.current) setHandle(suggestion.data.handle);
  }, [suggestion.data]);
  useEffect(() => {
    if (countries.data && !countryTouched.current) setCountry(browserRegion(countries.data));
  }, [countries.data]);

  const submit = form.handleSubmit(() => ({
    checks: {
      handle: handleProblem(handle.trim()),
      passphrase: newPassphraseProblem(passphrase),
      acceptGuidelines: accepted ? undefined : t('validation.acceptGuidelines'),
    },
    body: { handle: handle.trim(), passphrase, country: country || null, language: language as Language, acceptGuidelines: true },
  }));

  const labels = {
    handle: t('fields.handle'),
    passphrase: t('fields.passphrase'),
    country: t('fields.country'),
    language: t('fields.language'),
    acceptGuidelines: t('signup.accept'),
  };

  return (
    <>
      <PageHeading>{t('signup.title')}</PageHeading>
      <p className="lead">{t('signup.intro')}</p>
      <p>{t('signup.anonymous')}</p>

      <Form form={form} onSubmit={submit} labels={labels}>
        <HandleField
          value={handle}
          onChange={(v) => {
            handleTouched.current = true;
            setHandle(v);
          }}
          error={form.fieldError('handle')}
          suggestion={form.problem?.suggestion}
          onTakeSuggestion={() => form.clearField('handle')}
          canSuggest
        />
        <PassphraseField name="passphrase" value={passphrase} onChange={setPassphrase} isNew error={form.fieldError('passphrase')} />
        <CountryField
          value={country}
          onChange={(v) => {
            countryTouched.current = true;
            setCountry(v);
          }}
          countries={countries.data ?? []}
          error={form.fieldError('country')}
        />
        <LanguageField value={language} onChange={setLanguage} error={form.fieldError('language')} />

        <div className="guidelines-accept">
          <p>
            {t('signup.guidelinesIntro')} <GuidelinesDialog />
          </p>
          <CheckboxField label={t('signup.accept')} name="acceptGuidelines" checked={accepted} onChange={setAccepted} error={form.fieldError('acceptGuidelines')} />
        </div>

        <div className="form-actions">
          <Button type="submit" variant="primary" busy={signUp.isPending} busyLabel={t('signup.submitting')}>
            {t('signup.submit')}
          </Button>
        </div>
      </Form>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('signup.logInLink')}</Link>
      </p>
    </>
  );
}
