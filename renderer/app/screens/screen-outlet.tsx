import { useEffect, useReducer, useState } from 'react';
import type { Route } from '../navigation-store';
import { useTranslate } from '../use-translate';
import { loadedScreen, loadScreen } from './screen-modules';

/**
 * Shows the screen of `route`, fetching its chunk the first time: a loading line meanwhile, and a
 * message with a retry when the chunk cannot be fetched (never a blank page).
 */
export function ScreenOutlet({ route }: { route: Route }) {
  const t = useTranslate();
  const [, screenArrived] = useReducer((n: number) => n + 1, 0);
  const [failed, setFailed] = useState<{ route: Route; message: string } | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const Screen = loadedScreen(route);

  useEffect(() => {
    if (loadedScreen(route)) return;
    let alive = true;
    loadScreen(route).then(
      () => alive && screenArrived(),
      (error: unknown) => alive && setFailed({ route, message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      alive = false;
    };
  }, [route, attempt]);

  if (Screen) return <Screen />;
  if (failed?.route === route) {
    return (
      <div className="notice" role="alert" data-testid="screen-failed">
        <p>{t('screen.failed')}</p>
        <p className="muted">{failed.message}</p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setFailed(undefined);
            setAttempt((n) => n + 1);
          }}
        >
          {t('screen.retry')}
        </button>
      </div>
    );
  }
  return (
    <p className="muted" role="status" data-testid="screen-loading">
      {t('screen.loading')}
    </p>
  );
}
