import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { TrainingModuleView } from '../training/TrainingModuleView';
import { useAnswerFacilitatorQuiz, useFacilitatorModule } from './api';

/** /facilitators/training/:module — one facilitator training page and its quiz, like the listeners'. */
export function FacilitatorTrainingPage() {
  const { t } = useTranslation();
  const { module = '' } = useParams();
  return (
    <TrainingModuleView
      page={useFacilitatorModule(module)}
      answer={useAnswerFacilitatorQuiz(module)}
      heading={(id) => t(`facilitators.modules.${id}`)}
      errorTitle={t('facilitators.training.title')}
      back={{ to: '/facilitators', label: t('facilitators.training.back') }}
      passedAll={t('facilitators.quiz.passedAll')}
    />
  );
}
