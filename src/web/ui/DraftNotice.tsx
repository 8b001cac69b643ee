import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';
import { focusSoon } from './focusSoon';
import type { Draft } from './useDraft';

interface DraftNoticeProps {
  draft: Pick<Draft<unknown>, 'restored' | 'discard'>;
  /** Where focus goes once the draft is discarded (the notice, and its button, are gone). */
  focusAfter: RefObject<HTMLElement | null>;
}

/** "Draft restored", with a way to start again. Shown only when a draft came back from storage. */
export function DraftNotice({ draft, focusAfter }: DraftNoticeProps) {
  const { t } = useTranslation();
  if (!draft.restored) return null;
  return (
    <div className="notice notice--info draft-notice">
      <p>{t('drafts.restored')}</p>
      <ConfirmDialog
        trigger={t('drafts.discard')}
        title={t('drafts.discardTitle')}
        confirmLabel={t('drafts.discardConfirm')}
        cancelLabel={t('drafts.keep')}
        destructive
        onConfirm={async () => {
          draft.discard();
          focusSoon(focusAfter);
        }}
      >
        <p>{t('drafts.discardBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
