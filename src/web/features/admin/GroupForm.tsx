import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateGroupBody, Group } from '../../../shared/api';
import { GROUP_DESCRIPTION_MAX, GROUP_NAME_MAX, GROUP_RULE_MAX, GROUP_RULES_MAX } from '../../../shared/rules';
import { Button } from '../../ui/Button';
import { CheckboxField, Field } from '../../ui/Field';
import { Form } from '../../ui/Form';
import { clientProblem, useFormProblem } from '../../ui/formProblem';

/** Creating takes a group's words; who may read it is set by a change (PATCH) right after. */
export type GroupFormBody = CreateGroupBody & { visitorsCanRead: boolean };

interface GroupFormProps {
  /** The group being edited, or null to create one. */
  group: Group | null;
  busy: boolean;
  onSubmit: (body: GroupFormBody) => Promise<unknown>;
  onCancel?: () => void;
}

const length = (s: string) => [...s].length;
const toRules = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Name, description and rules (one per line). Keyed by group, so switching groups refills it. */
export function GroupForm({ group, busy, onSubmit, onCancel }: GroupFormProps) {
  const { t } = useTranslation();
  const form = useFormProblem();
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [rules, setRules] = useState(group?.rules.join('\n') ?? '');
  const [visitorsCanRead, setVisitorsCanRead] = useState(group?.visitorsCanRead ?? false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const ruleList = toRules(rules);
    const tooLong = ruleList.findIndex((r) => length(r) > GROUP_RULE_MAX);
    const problem = clientProblem({
      name: !name.trim() ? t('validation.groupName') : length(name.trim()) > GROUP_NAME_MAX ? t('validation.groupNameMax', { max: GROUP_NAME_MAX }) : undefined,
      description: !description.trim()
        ? t('validation.groupDescription')
        : length(description.trim()) > GROUP_DESCRIPTION_MAX
          ? t('validation.groupDescriptionMax', { max: GROUP_DESCRIPTION_MAX })
          : undefined,
      rules:
        ruleList.length > GROUP_RULES_MAX
          ? t('validation.groupRulesMax', { max: GROUP_RULES_MAX })
          : tooLong >= 0
            ? t('form.itemError', { n: tooLong + 1, message: t('validation.groupRuleMax', { max: GROUP_RULE_MAX }) })
            : undefined,
    });
    if (problem) return form.show(problem);
    form.clear();
    try {
      await onSubmit({ name: name.trim(), description: description.trim(), rules: ruleList, visitorsCanRead });
      if (!group) {
        setName('');
        setDescription('');
        setRules('');
        setVisitorsCanRead(false);
      }
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <Form form={form} onSubmit={(e) => void submit(e)} labels={{ name: t('admin.groupName'), description: t('admin.groupDescription'), rules: t('admin.groupRules') }}>
      <Field label={t('admin.groupName')} error={form.fieldError('name')}>
        {(control) => <input {...control} name="name" type="text" value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />}
      </Field>
      <Field label={t('admin.groupDescription')} hint={t('admin.groupDescriptionHint')} error={form.fieldError('description')}>
        {(control) => <textarea {...control} name="description" rows={4} value={description} onChange={(e) => setDescription(e.target.value)} required />}
      </Field>
      <Field label={t('admin.groupRules')} hint={t('admin.groupRulesHint', { max: GROUP_RULES_MAX })} error={form.fieldError('rules')}>
        {(control) => <textarea {...control} name="rules" rows={6} value={rules} onChange={(e) => setRules(e.target.value)} />}
      </Field>
      <CheckboxField name="visitorsCanRead" label={t('admin.visitorsCanRead')} hint={t('admin.visitorsCanReadHint')} checked={visitorsCanRead} onChange={setVisitorsCanRead} />
      <div className="form-actions button-row">
        <Button type="submit" variant="primary" busy={busy} busyLabel={t('admin.savingGroup')}>
          {group ? t('admin.saveGroup') : t('admin.createGroup')}
        </Button>
        {onCancel && (
          <Button variant="quiet" onClick={onCancel}>
            {t('admin.cancelEdit')}
          </Button>
        )}
      </div>
    </Form>
  );
}
