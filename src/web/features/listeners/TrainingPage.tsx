import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { TrainingModuleView } from '../training/TrainingModuleView';
import { useAnswerQuiz, useTrainingModule } from './api';

/**
 * /listeners/training/:module — one training page and its quiz, checked on the server, in the
 * screens' language; a language not translated yet gets the English text with a note.
 */
export function TrainingPage() {
  const { t } = useTranslation();
  const { module = '' } = useParams();
  return (
    <TrainingModuleView
      page={useTrainingModule(module)}
      answer={useAnswerQuiz(module)}
      heading={(id) => t(`listeners.modules.${id}`)}
      errorTitle={t('listeners.training.title')}
      back={{ to: '/listeners', label: t('listeners.training.back') }}
      passedAll={t('listeners.quiz.passedAll')}
    />
  );
}
