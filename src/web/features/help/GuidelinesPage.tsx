import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading';
import { GuidelinesContent } from './GuidelinesContent';

export function GuidelinesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('guidelines.title')}</PageHeading>
      <GuidelinesContent />
    </>
  );
}
