import { useEffect } from 'react';
import { desk } from '../../bridge/desk-bridge';
import { useNotices } from '../../app/notice-store';
import { useTranslate } from '../../app/use-translate';

/**
 * Mounted once in the app shell: when an update has downloaded, says so in Thai (or English),
 * once per version, wherever the user is. Renders nothing itself; the notice area shows it.
 */
export function UpdateNotice() {
  const t = useTranslate();
  const show = useNotices((s) => s.show);

  useEffect(() => {
    let announced: string | null = null;
    return desk.onEvent((event) => {
      if (event.type !== 'update-status' || event.status.state !== 'ready' || announced === event.status.version) return;
      announced = event.status.version;
      show(t('update.readyNotice', { version: event.status.version }));
    });
  }, [show, t]);

  return null;
}
