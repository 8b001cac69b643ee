import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Language } from '../../../shared/rules';
import { useSession } from '../../api/session';
import { usePendingRecoveryCode } from '../../app/pendingRecoveryCode';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { clientProblem, useFormProblem } from '../../ui/formProblem';
import { PageHeading } from '../../ui/PageHeading';
import { RecoveryCodeStep } from '../../ui/RecoveryCodeStep';
import { browserRegion, useHelpCountries } from '../help/api';
import { GuidelinesDialog } from '../help/GuidelinesDialog';
import { fetchHandleSuggestion, useSignUp } from './api';
import { HandleField } from './HandleField';
import { PassphraseField } from './PassphraseField';
import { CountryField, defaultLanguage, LanguageField } from './ProfileFields';
import { handleProblem, newPassphraseProblem } from './validation';

const HERE = '/signup';

export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { member } = useSession();
  const { pending, setPending } = usePendingRecoveryCode();

  if (pending && pending.shownAt === HERE) {
    return (
      <RecoveryCodeStep
        code={pending.code}
        handle={pending.handle}
        issuedAt={pending.issuedAt}
        onContinue={() => {
          setPending(null);
          void navigate('/groups', { state: { notice: 'welcome' } });
        }}
      />
    );
  }

  if (member) {
    return (
      <>
        <PageHeading>{t('signup.title')}</PageHeading>
        <p>{t('signup.alreadyIn', { handle: member.handle })}</p>
        <p>
          <Link to="/groups">{t('home.browseGroups')}</Link>
        </p>
      </>
    );
  }
  return <SignUpForm />;
}

function SignUpForm() {
  const { t } = useTranslation();
  const { setPending } = usePendingRecoveryCode();
  const signUp = useSignUp((data) => {
    setPassphrase('');
    setPending({ code: data.recoveryCode, handle: data.member.handle, issuedAt: Date.now(), shownAt: HERE });
  });
  const form = useFormProblem();

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

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (signUp.isPending) return;
    const chosenHandle = handle.trim();
    const problem = clientProblem({
      handle: handleProblem(chosenHandle),
      passphrase: newPassphraseProblem(passphrase),
      acceptGuidelines: accepted ? undefined : t('validation.acceptGuidelines'),
    });
    if (problem) return form.show(problem);
    form.clear();
    signUp.mutate(
      { handle: chosenHandle, passphrase, country: country || null, language: language as Language, acceptGuidelines: true },
      { onError: form.fail },
    );
  };

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

      <form ref={form.formRef} onSubmit={submit} noValidate className="form">
        <FormError problem={form.problem} summaryRef={form.summaryRef} formRef={form.formRef} labels={labels} />
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
        <PassphraseField
          label={t('fields.passphrase')}
          name="passphrase"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="new-password"
          hint={t('fields.newPassphraseHint')}
          error={form.fieldError('passphrase')}
        />
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
      </form>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('signup.logInLink')}</Link>
      </p>
    </>
  );
}
