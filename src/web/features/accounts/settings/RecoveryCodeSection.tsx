import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePendingRecoveryCode } from '../../../app/pendingRecoveryCode';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { clientProblem, useFormProblem } from '../../../ui/formProblem';
import { RecoveryCodeStep } from '../../../ui/RecoveryCodeStep';
import { useNewRecoveryCode } from '../api';
import { PassphraseField } from '../PassphraseField';
import { required } from '../validation';

const HERE = '/settings';

/** A new recovery code: asks for the passphrase, then the keep-it step. */
export function RecoveryCodeSection({ handle }: { handle: string }) {
  const { t } = useTranslation();
  const { pending, setPending } = usePendingRecoveryCode();
  const form = useFormProblem();
  const create = useNewRecoveryCode();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    const problem = clientProblem({ passphrase: required(passphrase, 'validation.passphraseRequired') });
    if (problem) return form.show(problem);
    form.clear();
    create.mutate(
      { passphrase },
      {
        onSuccess: ({ recoveryCode }) => {
          setPassphrase('');
          setOpen(false);
          setPending({ code: recoveryCode, handle, issuedAt: Date.now(), shownAt: HERE });
        },
        onError: form.fail,
      },
    );
  };

  const showing = pending?.shownAt === HERE ? pending : null;

  return (
    <section className="settings-section">
      <h2 id="recovery-title" ref={headingRef} tabIndex={-1}>
        {t('settings.recoveryTitle')}
      </h2>
      {showing ? (
        <RecoveryCodeStep
          code={showing.code}
          handle={showing.handle}
          issuedAt={showing.issuedAt}
          headingLevel={3}
          onContinue={() => {
            setPending(null);
            setStatus(t('settings.recoverySaved'));
            headingRef.current?.focus();
          }}
        />
      ) : (
        <>
          <p>{t('settings.recoveryIntro')}</p>
          <p className="field-status" role="status">
            {status}
          </p>
          {open ? (
            <form ref={form.formRef} onSubmit={submit} noValidate className="form">
              <FormError problem={form.problem} summaryRef={form.summaryRef} formRef={form.formRef} labels={{ passphrase: t('fields.passphrase') }} />
              <PassphraseField
                label={t('fields.passphrase')}
                name="passphrase"
                value={passphrase}
                onChange={setPassphrase}
                autoComplete="current-password"
                hint={t('settings.recoveryPassphraseHint')}
                autoFocus
                error={form.fieldError('passphrase')}
              />
              <div className="form-actions button-row">
                <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('settings.recoveryCreating')}>
                  {t('settings.recoveryShow')}
                </Button>
                <Button
                  variant="quiet"
                  onClick={() => {
                    setOpen(false);
                    setPassphrase('');
                    form.clear();
                    requestAnimationFrame(() => openerRef.current?.focus());
                  }}
                >
                  {t('app.cancel')}
                </Button>
              </div>
            </form>
          ) : (
            <Button
              ref={openerRef}
              variant="secondary"
              onClick={() => {
                setStatus('');
                setOpen(true);
              }}
            >
              {t('settings.recoveryNew')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
