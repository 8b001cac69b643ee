import { useTranslation } from 'react-i18next';

const TIPS = ['listen', 'ask', 'stay', 'reach', 'yourself'] as const;

/** How to help someone who may be thinking of suicide: on the Get help page and in the "helping" card. */
export function HelpingTips() {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('helping.intro')}</p>
      <ul className="helping-list">
        {TIPS.map((tip) => (
          <li key={tip}>
            <strong>{t(`helping.tips.${tip}.title`)}</strong> {t(`helping.tips.${tip}.body`)}
          </li>
        ))}
      </ul>
    </>
  );
}
