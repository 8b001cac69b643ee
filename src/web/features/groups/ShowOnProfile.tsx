import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../shared/api';
import { CheckboxField } from '../../ui/Field';
import { useFeedback } from '../../ui/useFeedback';
import { useShowOnProfile } from './api';

/** "Show this group on my profile": off unless the member turns it on. */
export function ShowOnProfile({ group }: { group: Group }) {
  const { t } = useTranslation();
  const save = useShowOnProfile(group.slug);
  const feedback = useFeedback();
  // The box follows the click at once (a controlled checkbox would otherwise flick back while
  // saving); if saving fails it shows what is really stored.
  const [choice, setChoice] = useState<boolean | null>(null);
  const shown = choice === null || save.isError ? group.showOnProfile : choice;

  const change = (on: boolean) => {
    if (save.isPending) return;
    setChoice(on);
    feedback.run(save, on, () => (on ? t('groups.shownOnProfile') : t('groups.hiddenFromProfile')));
  };

  return (
    <div className="show-on-profile">
      <CheckboxField label={t('groups.showOnProfile')} hint={t('groups.showOnProfileHint')} checked={shown} onChange={change} error={feedback.error || undefined} />
      <p className="field-status" role="status">
        {feedback.status}
      </p>
    </div>
  );
}
