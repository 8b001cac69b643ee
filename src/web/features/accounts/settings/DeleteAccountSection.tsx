import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endSession } from '../../../api/session';
import { usePendingRecoveryCode } from '../../../app/pendingRecoveryCode';
import { Button } from '../../../ui/Button';
import { useMutationForm } from '../../../ui/useMutationForm';
import { useDeleteAccount } from '../api';
import { PassphraseConfirmForm } from './PassphraseConfirmForm';
import { required } from '../validation';

const CONSEQUENCES = ['account', 'private', 'writing', 'undo'] as const;

/** Deleting the account: what it means, said plainly, then the passphrase as the confirmation. */
export function DeleteAccountSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { setPending } = usePendingRecoveryCode();
  const remove = useDeleteAccount();
  const form = useMutationForm(remove);
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const openerRef = useRef<HTMLButtonElement>(null);

  const submit = form.handleSubmit(() => ({
    checks: { passphrase: required(passphrase, 'validation.passphraseRequired') },
    body: { passphrase },
    onSuccess: async () => {
      // Leave this members-only page first (at once, not in a transition), then forget the
      // session, and every draft with it.
      await navigate('/', { state: { notice: 'accountDeleted' }, flushSync: true });
      setPending(null);
      endSession(queryClient);
    },
  }));

  return (
    <section className="settings-section settings-section--danger">
      <h2 id="delete-title">{t('settings.deleteTitle')}</h2>
      <p>{t('settings.deleteIntro')}</p>
      <ul className="delete-consequences">
        {CONSEQUENCES.map((c) => (
          <li key={c}>{t(`settings.deleteConsequences.${c}`)}</li>
        ))}
      </ul>
      {open ? (
        <PassphraseConfirmForm
          form={form}
          onSubmit={submit}
          passphrase={passphrase}
          onPassphraseChange={setPassphrase}
          hint={t('settings.deletePassphraseHint')}
          variant="danger"
          busy={remove.isPending}
          busyLabel={t('settings.deleting')}
          submitLabel={t('settings.deleteConfirm')}
          cancelLabel={t('settings.deleteKeep')}
          onCancel={() => {
            setOpen(false);
            setPassphrase('');
            form.clear();
            requestAnimationFrame(() => openerRef.current?.focus());
          }}
        />
      ) : (
        <Button ref={openerRef} variant="danger" onClick={() => setOpen(true)}>
          {t('settings.deleteOpen')}
        </Button>
      )}
    </section>
  );
}
