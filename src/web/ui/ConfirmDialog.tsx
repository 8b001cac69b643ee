import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button as AriaButton, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, buttonClass } from './Button';
import { toProblem } from './formProblem';

interface ConfirmDialogProps {
  /** The label of the button that opens the dialog. */
  trigger: ReactNode;
  triggerVariant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  cancelLabel?: string;
  destructive?: boolean;
  /** Runs on confirm; the dialog closes when it resolves and shows the message if it throws. */
  onConfirm: () => Promise<unknown>;
}

/**
 * A button that asks "are you sure?" in an accessible alert dialog before acting.
 * (The buttons inside are native: React Aria's pending Button announces itself through a
 * live region that outlives the dialog and then points at nothing.)
 */
export function ConfirmDialog({
  trigger,
  triggerVariant = 'secondary',
  title,
  children,
  confirmLabel,
  busyLabel,
  cancelLabel,
  destructive = false,
  onConfirm,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <DialogTrigger onOpenChange={(open) => open && setError(null)}>
      <AriaButton className={buttonClass(triggerVariant)}>{trigger}</AriaButton>
      <ModalOverlay className="modal-overlay" isDismissable={!pending} isKeyboardDismissDisabled={pending}>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" level={2} className="dialog-title">
                  {title}
                </Heading>
                <div className="dialog-body">{children}</div>
                {error && (
                  <p className="field-error" role="alert">
                    {error}
                  </p>
                )}
                <div className="dialog-actions">
                  <Button variant="secondary" onClick={close} disabled={pending}>
                    {cancelLabel ?? t('app.cancel')}
                  </Button>
                  <Button
                    variant={destructive ? 'danger' : 'primary'}
                    busy={pending}
                    busyLabel={busyLabel}
                    onClick={async () => {
                      setPending(true);
                      setError(null);
                      try {
                        await onConfirm();
                        close();
                      } catch (e) {
                        setError(toProblem(e).message);
                      } finally {
                        setPending(false);
                      }
                    }}
                  >
                    {confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
