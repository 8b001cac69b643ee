import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Feedback } from '../../ui/useFeedback';
import { useSetBlocked } from './api';

/**
 * "Block" or "Unblock", each behind a dialog that says what it does: on a member's profile, and
 * (`named`, so a list of many says whom) beside their post, reply or message.
 */
export function BlockButton({
  handle,
  blocked,
  feedback,
  named = false,
  triggerVariant = 'secondary',
}: {
  handle: string;
  blocked: boolean;
  feedback: Feedback;
  named?: boolean;
  triggerVariant?: 'secondary' | 'quiet';
}) {
  const { t } = useTranslation();
  const setBlocked = useSetBlocked();
  const label = blocked ? t('blocks.unblock') : t('blocks.block');
  return (
    <ConfirmDialog
      trigger={
        named ? (
          <>
            {label}
            <span className="visually-hidden" translate="no">
              {' '}
              {handle}
            </span>
          </>
        ) : (
          label
        )
      }
      triggerVariant={triggerVariant}
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
