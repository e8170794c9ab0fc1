import { useTranslate } from '../../app/use-translate';
import './lock.css';

const TOPICS = ['where', 'lock', 'crypto', 'who', 'wipe', 'pdpc'] as const;

/** Settings → the privacy help in Thai (docs/privacy.md says the same for administrators). */
export function PrivacyHelp() {
  const t = useTranslate();
  return (
    <section aria-labelledby="privacy-help-title" className="privacy-help" data-testid="privacy-help">
      <h2 id="privacy-help-title">{t('privacy.title')}</h2>
      <p className="muted">{t('privacy.lead')}</p>
      {TOPICS.map((topic) => (
        <details key={topic}>
          <summary>{t(`privacy.${topic}.title`)}</summary>
          <p>{t(`privacy.${topic}.body`)}</p>
        </details>
      ))}
    </section>
  );
}
