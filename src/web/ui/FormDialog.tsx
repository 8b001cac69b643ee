import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button as AriaButton, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, buttonClass } from './Button';
import { toProblem } from './formProblem';

interface FormDialogProps {
  trigger: ReactNode;
  /** The trigger's classes; a small quiet button by default. */
  triggerClassName?: string;
  /** The trigger cannot be pressed (e.g. another moderator holds the item). */
  isDisabled?: boolean;
  title: string;
  submitLabel: string;
  busyLabel: string;
  /** The action cannot be taken back lightly: its button is red. */
  destructive?: boolean;
  wide?: boolean;
  /** Checks the fields; returns an error for the person, or sends and resolves when done. */
  onSubmit: () => string | Promise<unknown>;
  onOpen?: () => void;
  children: ReactNode;
}

/**
 * A small form in a dialog: its fields, Cancel, and the action; it closes once the action is
 * done. A problem shows inside it (announced), and nothing typed is lost: the fields' state
 * belongs to the caller, so it survives the dialog closing too.
 */
export function FormDialog({ trigger, triggerClassName, isDisabled, title, submitLabel, busyLabel, destructive = false, wide = false, onSubmit, onOpen, children }: FormDialogProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields: string[] } | null>(null);

  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (!open) return;
        setError(null);
        onOpen?.();
      }}
    >
      <AriaButton className={triggerClassName ?? buttonClass('quiet', 'button--small')} isDisabled={isDisabled}>
        {trigger}
      </AriaButton>
      <ModalOverlay className="modal-overlay" isDismissable={!pending} isKeyboardDismissDisabled={pending}>
        <Modal className={wide ? 'modal modal--wide' : 'modal'}>
          <Dialog className="dialog">
            {({ close }) => {
              const submit = async (e: FormEvent) => {
                e.preventDefault();
                if (pending) return;
                setError(null);
                const result = onSubmit();
                if (typeof result === 'string') {
                  setError({ message: result, fields: [] });
                  return;
                }
                setPending(true);
                try {
                  await result;
                  close();
                } catch (err) {
                  const problem = toProblem(err);
                  setError({ message: problem.message, fields: [...new Set(Object.values(problem.fields))].filter((m) => m !== problem.message) });
                } finally {
                  setPending(false);
                }
              };
              return (
                <form onSubmit={(e) => void submit(e)} noValidate>
                  <Heading slot="title" level={2} className="dialog-title">
                    {title}
                  </Heading>
                  <div className="dialog-body">{children}</div>
                  {error && (
                    <div className="field-error" role="alert">
                      <p>{error.message}</p>
                      {error.fields.length > 0 && (
                        <ul>
                          {error.fields.map((m) => (
                            <li key={m}>{m}</li>
                          ))}
                        </ul>
                      )}
                    </div>
                  )}
                  <div className="dialog-actions">
                    <Button variant="secondary" onClick={close} disabled={pending}>
                      {t('app.cancel')}
                    </Button>
                    <Button type="submit" variant={destructive ? 'danger' : 'primary'} busy={pending} busyLabel={busyLabel}>
                      {submitLabel}
                    </Button>
                  </div>
                </form>
              );
            }}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
