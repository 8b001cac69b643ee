import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../ui/Button';
import type { FormProblemState } from '../../ui/formProblem';
import { useGroup, useRulesSeen } from './api';

interface GroupRulesPromptProps {
  slug: string;
  /** The post form: when the server refused it with `rules_unseen`, it is sent again once the rules are read. */
  form: Pick<FormProblemState, 'problem' | 'clear' | 'formRef'>;
  /** Where the member goes on writing once the rules are read (and nothing was waiting to be sent). */
  onRead: () => void;
}

/**
 * Before a member's first post in a group: the group's rules, and "I’ve read the rules". It sits
 * above the post form, which stays as it is: the member may write while reading, and what they
 * wrote is never touched. A post sent before the rules were read is refused by the server and
 * sent again, as it was, once they are.
 */
export function GroupRulesPrompt({ slug, form, onRead }: GroupRulesPromptProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const group = useGroup(slug);
  const seen = useRulesSeen(slug);
  const refused = form.problem?.code === 'rules_unseen';
  // Once per reading: a refusal that arrives after the rules were read (a post already on its way) is sent again too.
  const resent = useRef(false);

  const { clear, formRef } = form;
  useEffect(() => {
    if (!refused || !seen.isSuccess || resent.current) return;
    resent.current = true;
    clear();
    formRef.current?.requestSubmit();
  }, [refused, seen.isSuccess, clear, formRef]);

  const data = group.data;
  if (!data || (!data.mustReadRules && !refused) || (seen.isSuccess && !refused)) return null;

  const read = () => {
    if (seen.isPending) return;
    resent.current = false;
    seen.mutate(undefined, {
      onSuccess: () => {
        if (!refused) requestAnimationFrame(onRead);
      },
    });
  };

  return (
    <section className="rules-gate" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('groupStaff.rulesTitle', { group: data.name })}</h2>
      <p>{t('groupStaff.rulesIntro')}</p>
      {data.rules.length > 0 && (
        <ol className="rules-list">
          {data.rules.map((rule, i) => (
            <li key={i}>{rule}</li>
          ))}
        </ol>
      )}
      <p>
        {t('groups.rulesAlso')} <Link to="/guidelines">{t('groups.rulesAlsoLink')}</Link>
      </p>
      {seen.isError && (
        <p className="field-error" role="alert">
          {seen.error.message}
        </p>
      )}
      <Button variant="primary" busy={seen.isPending} busyLabel={t('groupStaff.rulesSaving')} onClick={read}>
        {t('groupStaff.rulesRead')}
      </Button>
      <p className="field-hint">{t('groupStaff.rulesDraftKept')}</p>
    </section>
  );
}
