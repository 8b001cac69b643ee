import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endSession } from '../../../api/session';
import { usePendingRecoveryCode } from '../../../app/pendingRecoveryCode';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { logOutEverywhere } from '../api';

export function SessionsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { setPending } = usePendingRecoveryCode();

  const confirm = async () => {
    await logOutEverywhere();
    // Leave this members-only page first, then forget the session.
    await navigate('/', { state: { notice: 'loggedOutEverywhere' }, flushSync: true });
    setPending(null);
    endSession(queryClient);
  };

  return (
    <section className="settings-section">
      <h2 id="sessions-title">{t('settings.sessionsTitle')}</h2>
      <p>{t('settings.sessionsIntro')}</p>
      <ConfirmDialog
        trigger={t('settings.logOutEverywhere')}
        title={t('settings.logOutEverywhereTitle')}
        confirmLabel={t('settings.logOutEverywhereConfirm')}
        busyLabel={t('settings.loggingOut')}
        destructive
        onConfirm={confirm}
      >
        <p>{t('settings.logOutEverywhereBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
