import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button as AriaButton, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Link } from 'react-router';
import { Button, buttonClass } from '../../ui/Button';
import { CharacterCount, charCount, useCharacterStatus } from '../../ui/CharacterCount';
import { Field } from '../../ui/Field';
import { Form } from '../../ui/Form';
import { useMutationForm } from '../../ui/useMutationForm';
import { useCreateReport } from './queueApi';
import { REPORT_NOTE_MAX, REPORT_REASONS, type ReportReason, type ReportTarget } from './rules';

interface ReportDialogProps {
  targetType: ReportTarget;
  /** The content's id, or the member's handle for a member or a listener. */
  targetId: string;
  /** Who wrote it (or who it is), for the button's full name to a screen reader and the title. */
  name?: string | undefined;
  triggerClassName?: string;
}

/**
 * "Report": a dialog to tell the moderators what is wrong with a post, reply, message or member.
 * Only moderators read reports, and nobody is told who reported. What the member chose and wrote
 * stays if the dialog closes or sending fails.
 */
export function ReportDialog({ targetType, targetId, name, triggerClassName }: ReportDialogProps) {
  const { t } = useTranslation();
  const create = useCreateReport();
  const form = useMutationForm(create);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState('');
  const [sent, setSent] = useState<ReportReason | null>(null);
  const noteStatus = useCharacterStatus(note, REPORT_NOTE_MAX);
  const thanksRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const reasonError = form.fieldError('reason');
  const who = name ?? t('posts.formerMember');

  const title =
    targetType === 'post'
      ? t('report.titlePost')
      : targetType === 'reply'
        ? t('report.titleReply')
        : targetType === 'message'
          ? t('report.titleMessage')
          : t('report.titleMember', { name: who });
  const context =
    targetType === 'post'
      ? t('report.contextPost')
      : targetType === 'reply'
        ? t('report.contextReply', { name: who })
        : targetType === 'message'
          ? t('report.contextMessage', { name: who })
          : who;

  const submit = form.handleSubmit(() => ({
    checks: {
      reason: reason ? undefined : t('report.reasonRequired'),
      note: charCount(note) > REPORT_NOTE_MAX ? t('report.noteMax', { max: REPORT_NOTE_MAX }) : undefined,
    },
    body: { targetType, targetId, reason: reason ?? 'other', ...(note.trim() ? { note: note.trim() } : {}) },
    onSuccess: () => {
      setSent(reason);
      requestAnimationFrame(() => thanksRef.current?.focus());
    },
  }));

  return (
    <DialogTrigger
      onOpenChange={(open) => {
        // A report already sent: the next one starts afresh. One not sent keeps what was chosen and written.
        if (open && sent) {
          setSent(null);
          setReason(null);
          setNote('');
          form.clear();
        }
      }}
    >
      <AriaButton className={triggerClassName ?? buttonClass('quiet', 'button--small')}>
        {t('report.open')}
        <span className="visually-hidden"> {context}</span>
      </AriaButton>
      <ModalOverlay className="modal-overlay" isDismissable={!create.isPending} isKeyboardDismissDisabled={create.isPending}>
        <Modal className="modal">
          <Dialog className="dialog report-dialog">
            {({ close }) => (
              <>
                <Heading slot="title" level={2} className="dialog-title">
                  {title}
                </Heading>
                {sent ? (
                  <>
                    <div className="report-thanks" ref={thanksRef} tabIndex={-1}>
                      <p>{t('report.thanks')}</p>
                      <p>
                        <Link to="/reports">{t('report.myReportsLink')}</Link>
                      </p>
                      {sent === 'at_risk' && (
                        <div className="notice notice--help">
                          <p>{t('report.atRiskCrisis')}</p>
                          <p>
                            <Link to="/help">{t('report.crisisLink')}</Link>
                          </p>
                        </div>
                      )}
                    </div>
                    <div className="dialog-actions">
                      <Button variant="primary" onClick={close}>
                        {t('app.close')}
                      </Button>
                    </div>
                  </>
                ) : (
                  <Form form={form} onSubmit={submit} labels={{ reason: t('report.reasonLegend'), note: t('report.noteLabel') }}>
                    <p>{t('report.intro')}</p>
                    <fieldset className={reasonError ? 'choice-list field--invalid' : 'choice-list'} aria-describedby={reasonError ? `${ids}-reason-error` : undefined}>
                      <legend className="field-label">{t('report.reasonLegend')}</legend>
                      {reasonError && (
                        <p className="field-error" id={`${ids}-reason-error`}>
                          <span className="visually-hidden">{t('form.errorPrefix')} </span>
                          {reasonError}
                        </p>
                      )}
                      {REPORT_REASONS.map((r) => (
                        <div className="checkbox-row" key={r}>
                          <input
                            type="radio"
                            id={`${ids}-${r}`}
                            name="reason"
                            value={r}
                            checked={reason === r}
                            aria-invalid={reasonError ? true : undefined}
                            onChange={() => {
                              setReason(r);
                              form.clearField('reason');
                            }}
                          />
                          <label htmlFor={`${ids}-${r}`}>{t(`report.reasons.${r}`)}</label>
                        </div>
                      ))}
                    </fieldset>
                    {reason === 'at_risk' && <p className="field-hint report-at-risk-hint">{t('report.atRiskHint')}</p>}
                    <Field
                      label={t('report.noteLabel')}
                      hint={t('report.noteHint')}
                      error={form.fieldError('note')}
                      status={noteStatus}
                      extra={<CharacterCount text={note} max={REPORT_NOTE_MAX} />}
                    >
                      {(control) => <textarea {...control} name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
                    </Field>
                    <div className="dialog-actions">
                      <Button variant="secondary" onClick={close} disabled={create.isPending}>
                        {t('app.cancel')}
                      </Button>
                      <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('report.sending')}>
                        {t('report.send')}
                      </Button>
                    </div>
                  </Form>
                )}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
