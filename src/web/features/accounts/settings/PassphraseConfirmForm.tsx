import { useTranslation } from 'react-i18next';
import type { ComponentProps } from 'react';
import { Button } from '../../../ui/Button';
import { Form } from '../../../ui/Form';
import type { useFormProblem } from '../../../ui/formProblem';
import { PassphraseField } from '../PassphraseField';

interface PassphraseConfirmFormProps {
  form: Pick<ReturnType<typeof useFormProblem>, 'problem' | 'formRef' | 'summaryRef' | 'fieldError'>;
  onSubmit: ComponentProps<typeof Form>['onSubmit'];
  passphrase: string;
  onPassphraseChange: (value: string) => void;
  hint: string;
  submitLabel: string;
  busy: boolean;
  busyLabel: string;
  variant: 'primary' | 'danger';
  cancelLabel: string;
  onCancel: () => void;
}

/** A step in Settings that asks for the passphrase once more before it acts (a new recovery code, deleting the account). */
export function PassphraseConfirmForm(props: PassphraseConfirmFormProps) {
  const { t } = useTranslation();
  return (
    <Form form={props.form} onSubmit={props.onSubmit} labels={{ passphrase: t('fields.passphrase') }}>
      <PassphraseField name="passphrase" value={props.passphrase} onChange={props.onPassphraseChange} hint={props.hint} autoFocus error={props.form.fieldError('passphrase')} />
      <div className="form-actions button-row">
        <Button type="submit" variant={props.variant} busy={props.busy} busyLabel={props.busyLabel}>
          {props.submitLabel}
        </Button>
        <Button variant="quiet" onClick={props.onCancel}>
          {props.cancelLabel}
        </Button>
      </div>
    </Form>
  );
}
