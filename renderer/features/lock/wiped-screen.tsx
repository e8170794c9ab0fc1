import { useAppLock } from './app-lock';
import { WIPED_AT_KEY, wipedAt } from './device-wipe';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';

/** After a remote wipe: what happened, in Thai, until someone starts the computer afresh. */
export function WipedScreen() {
  const t = useTranslate();
  const { shortDate, time } = useDateFormat();
  const wipe = useAppLock((s) => s.wipe);
  const at = wipedAt(window.localStorage);
  const when = at ? new Date(at) : null;
  return (
    <main className="fatal lock-screen" role="alert" data-testid="wiped-screen">
      {wipe === 'wiping' ? (
        <p>{t('lock.wiping')}</p>
      ) : (
        <>
          <h1>{t('lock.wiped.title')}</h1>
          <p>{t('lock.wiped.lead')}</p>
          {when && <p className="muted">{t('lock.wiped.at', { time: `${shortDate(when)} ${time(when)}` })}</p>}
          <button
            type="button"
            className="button primary"
            onClick={() => {
              window.localStorage.removeItem(WIPED_AT_KEY);
              window.location.reload();
            }}
          >
            {t('lock.wiped.continue')}
          </button>
        </>
      )}
    </main>
  );
}
