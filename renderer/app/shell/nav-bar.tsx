import { ROUTES, useNavigation } from '../navigation-store';
import { useTranslate } from '../use-translate';
import type { MessageKey } from '../i18n/translate';
import { lockApp, useAppLock } from '../../features/lock/app-lock';

const ICONS: Record<(typeof ROUTES)[number], string> = {
  dashboard: '⌂',
  news: '✎',
  calendar: '▦',
  roster: '☷',
  reports: '▤',
  sync: '⇅',
  settings: '⚙',
};

export function NavBar() {
  const t = useTranslate();
  const { route, navigate } = useNavigation();
  const lockSet = useAppLock((s) => s.keyring?.lockSet === true);
  useAppLock((s) => s.version);
  return (
    <header className="nav-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          กกต
        </span>
        <div>
          <div className="brand-name">{t('app.name')}</div>
          <div className="brand-office">{t('app.office')}</div>
        </div>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul>
          {ROUTES.map((r, i) => (
            <li key={r}>
              <button type="button" className="nav-item" aria-current={route === r ? 'page' : undefined} aria-keyshortcuts={`Alt+${i + 1}`} onClick={() => navigate(r)} data-route={r}>
                <span className="nav-icon" aria-hidden="true">
                  {ICONS[r]}
                </span>
                {t(`nav.${r}` as MessageKey)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {lockSet && (
        <button type="button" className="button secondary nav-lock" onClick={() => void lockApp()} data-testid="nav-lock">
          {t('nav.lock')}
        </button>
      )}
    </header>
  );
}
