import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { buttonClass } from './Button';
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

/** A button that asks "are you sure?" in an accessible alert dialog before acting. */
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
      <Button className={buttonClass(triggerVariant)}>{trigger}</Button>
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
                  <Button className={buttonClass('secondary')} onPress={close} isDisabled={pending}>
                    {cancelLabel ?? t('app.cancel')}
                  </Button>
                  <Button
                    className={buttonClass(destructive ? 'danger' : 'primary')}
                    isPending={pending}
                    onPress={async () => {
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
                    {pending && <span className="spinner" aria-hidden="true" />}
                    {pending && busyLabel ? busyLabel : confirmLabel}
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
