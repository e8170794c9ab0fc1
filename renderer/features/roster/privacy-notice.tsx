import { useTranslate } from '../../app/use-translate';

/** PDPA: the notice shown wherever personal data is collected (forms and import). */
export function PrivacyNotice() {
  const t = useTranslate();
  return (
    <aside className="notice privacy-notice" aria-label={t('roster.privacy.title')}>
      <strong>{t('roster.privacy.title')}</strong>
      <p>{t('roster.privacy.body')}</p>
    </aside>
  );
}
