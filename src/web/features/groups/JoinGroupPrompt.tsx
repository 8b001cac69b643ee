import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import type { FormProblemState } from '../../ui/formProblem';
import { useMembership } from './api';

interface JoinGroupPromptProps {
  slug: string;
  message: string;
  /** The form whose sending the server refused with `not_a_member`; it is sent again once joined. */
  form: Pick<FormProblemState, 'problem' | 'clear' | 'formRef'>;
}

/** Shown when writing needs membership first: join in place, and what was written is sent as it is. */
export function JoinGroupPrompt({ slug, message, form }: JoinGroupPromptProps) {
  const { t } = useTranslation();
  const membership = useMembership(slug);
  if (form.problem?.code !== 'not_a_member') return null;
  const onJoined = () => {
    form.clear();
    form.formRef.current?.requestSubmit();
  };
  return (
    <div className="notice notice--info join-prompt">
      <p>{message}</p>
      <Button
        variant="primary"
        busy={membership.isPending}
        busyLabel={t('groups.joining')}
        onClick={() => !membership.isPending && membership.mutate(true, { onSuccess: onJoined })}
      >
        {t('groups.join')}
      </Button>
      {membership.isError && (
        <p className="field-error" role="alert">
          {membership.error.message}
        </p>
      )}
    </div>
  );
}
