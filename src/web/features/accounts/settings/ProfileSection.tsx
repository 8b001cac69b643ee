import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberSelf, UpdateMeBody } from '../../../../shared/api';
import type { Language } from '../../../../shared/rules';
import { Button } from '../../../ui/Button';
import { Form } from '../../../ui/Form';
import { useMutationForm } from '../../../ui/useMutationForm';
import { useHelpCountries } from '../../help/api';
import { useUpdateMe } from '../api';
import { HandleField } from '../HandleField';
import { CountryField, LanguageField } from '../ProfileFields';
import { handleProblem } from '../validation';

/** Handle, country and language: one form, one save. */
export function ProfileSection({ member }: { member: MemberSelf }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const form = useMutationForm(update);
  const countries = useHelpCountries();
  const [handle, setHandle] = useState(member.handle);
  const [country, setCountry] = useState(member.country ?? '');
  const [language, setLanguage] = useState(member.language);
  // A key, not a text: saving a new language switches the screens, and the message with them.
  const [status, setStatus] = useState<'' | 'saved' | 'nothingToSave'>('');

  const submit = form.handleSubmit(() => {
    setStatus('');
    const body: UpdateMeBody = {};
    const newHandle = handle.trim();
    if (newHandle !== member.handle) body.handle = newHandle;
    if ((country || null) !== member.country) body.country = country || null;
    if (language !== member.language) body.language = language as Language;
    if (Object.keys(body).length === 0) {
      form.clear();
      setStatus('nothingToSave');
      return null;
    }
    return {
      checks: { handle: body.handle === undefined ? undefined : handleProblem(newHandle) },
      body,
      onSuccess: ({ member: saved }) => {
        setHandle(saved.handle);
        setStatus('saved');
      },
    };
  });

  return (
    <section className="settings-section">
      <h2 id="profile-title">{t('settings.profileTitle')}</h2>
      <Form form={form} onSubmit={submit} labels={{ handle: t('fields.handle'), country: t('fields.country'), language: t('fields.language') }}>
        <HandleField
          value={handle}
          onChange={setHandle}
          ownHandle={member.handle}
          error={form.fieldError('handle')}
          suggestion={form.problem?.suggestion}
          onTakeSuggestion={() => form.clearField('handle')}
          hint={t('settings.handleHint')}
        />
        <CountryField value={country} onChange={setCountry} countries={countries.data ?? []} error={form.fieldError('country')} />
        <LanguageField value={language} onChange={setLanguage} error={form.fieldError('language')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t('settings.saving')}>
            {t('settings.save')}
          </Button>
          <p className="field-status" role="status">
            {status && t(`settings.${status}`)}
          </p>
        </div>
      </Form>
    </section>
  );
}
