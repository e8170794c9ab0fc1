import { useNavigation } from '../../app/navigation-store';
import { useTranslate } from '../../app/use-translate';

/** The way back from the records behind a figure. */
export function BackToOverview() {
  const t = useTranslate();
  const navigate = useNavigation((s) => s.navigate);
  return (
    <p>
      <a href="#/dashboard" onClick={(e) => (e.preventDefault(), navigate('dashboard'))}>
        ‹ {t('overview.back')}
      </a>
    </p>
  );
}
