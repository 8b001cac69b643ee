import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Feedback } from '../../ui/useFeedback';
import { useSetBlocked } from './api';

/** "Block" or "Unblock" on a member's profile, each behind a dialog that says what it does. */
export function BlockButton({ handle, blocked, feedback }: { handle: string; blocked: boolean; feedback: Feedback }) {
  const { t } = useTranslation();
  const setBlocked = useSetBlocked();
  return (
    <ConfirmDialog
      trigger={blocked ? t('blocks.unblock') : t('blocks.block')}
      triggerVariant="secondary"
      title={blocked ? t('blocks.unblockTitle', { handle }) : t('blocks.blockTitle', { handle })}
      confirmLabel={blocked ? t('blocks.unblockConfirm') : t('blocks.blockConfirm')}
      busyLabel={blocked ? t('blocks.unblocking') : t('blocks.blocking')}
      destructive={!blocked}
      onConfirm={async () => {
        feedback.reset();
        await setBlocked.mutateAsync({ handle, blocked: !blocked });
        feedback.done(blocked ? t('blocks.unblocked', { handle }) : t('blocks.blocked', { handle }));
      }}
    >
      {blocked ? (
        <p>{t('blocks.unblockBody')}</p>
      ) : (
        <>
          <p>{t('blocks.blockBody')}</p>
          <p>{t('blocks.blockUndo')}</p>
        </>
      )}
    </ConfirmDialog>
  );
}
