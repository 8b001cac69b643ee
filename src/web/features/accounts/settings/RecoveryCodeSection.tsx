import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PendingRecoveryCodeGate, useShowRecoveryCode } from '../../../app/pendingRecoveryCode';
import { Button } from '../../../ui/Button';
import { useMutationForm } from '../../../ui/useMutationForm';
import { useNewRecoveryCode } from '../api';
import { PassphraseConfirmForm } from './PassphraseConfirmForm';
import { required } from '../validation';

const HERE = '/settings';

/** A new recovery code: asks for the passphrase, then the keep-it step. */
export function RecoveryCodeSection({ handle }: { handle: string }) {
  const { t } = useTranslation();
  const showRecoveryCode = useShowRecoveryCode(HERE);
  const create = useNewRecoveryCode();
  const form = useMutationForm(create);
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  const submit = form.handleSubmit(() => ({
    checks: { passphrase: required(passphrase, 'validation.passphraseRequired') },
    body: { passphrase },
    onSuccess: ({ recoveryCode }) => {
      setPassphrase('');
      setOpen(false);
      showRecoveryCode(recoveryCode, handle);
    },
  }));

  return (
    <section className="settings-section">
      <h2 id="recovery-title" ref={headingRef} tabIndex={-1}>
        {t('settings.recoveryTitle')}
      </h2>
      <PendingRecoveryCodeGate
        shownAt={HERE}
        headingLevel={3}
        onContinue={() => {
          setStatus(t('settings.recoverySaved'));
          headingRef.current?.focus();
        }}
      >
        <p>{t('settings.recoveryIntro')}</p>
        <p className="field-status" role="status">
          {status}
        </p>
        {open ? (
          <PassphraseConfirmForm
            form={form}
            onSubmit={submit}
            passphrase={passphrase}
            onPassphraseChange={setPassphrase}
            hint={t('settings.recoveryPassphraseHint')}
            variant="primary"
            busy={create.isPending}
            busyLabel={t('settings.recoveryCreating')}
            submitLabel={t('settings.recoveryShow')}
            cancelLabel={t('app.cancel')}
            onCancel={() => {
              setOpen(false);
              setPassphrase('');
              form.clear();
              requestAnimationFrame(() => openerRef.current?.focus());
            }}
          />
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
      </PendingRecoveryCodeGate>
    </section>
  );
}
