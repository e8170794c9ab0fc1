import { useEffect, useState } from 'react';
import { newsDraftFromEvent } from '../../../shared/news/news-from-event';
import { useDeskData } from '../../app/desk-data-context';
import { hashOf, useNavigation } from '../../app/navigation-store';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import type { DeskData } from '../../db/desk-data';
import type { Author, WorkScope } from '../../db/repositories/author';
import { useOfficeName } from './use-office-name';

// One draft per visit, even when React runs the effect twice (StrictMode) or the user double-clicks.
const inFlight = new Map<string, Promise<string | null>>();

function createFromEvent(data: DeskData, eventId: string, officeName: string, author: Author, scope: WorkScope): Promise<string | null> {
  let pending = inFlight.get(eventId);
  if (!pending) {
    pending = (async () => {
      const event = await data.db.events.get(eventId);
      if (!event || event.deleted) return null;
      const draft = newsDraftFromEvent(event, officeName);
      return (await data.news.createDraft(draft, author, scope)).id;
    })();
    inFlight.set(eventId, pending);
    void pending.finally(() => setTimeout(() => inFlight.delete(eventId), 2000));
  }
  return pending;
}

/** #/news/from-event/<eventId> ("เขียนข่าวจากกิจกรรมนี้"): writes the draft, then opens it in the editor. */
export function NewsFromEventPage({ eventId }: { eventId: string }) {
  const t = useTranslate();
  const data = useDeskData();
  const { author, scope } = useSession();
  const show = useNotices((s) => s.show);
  const officeName = useOfficeName();
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let alive = true;
    void createFromEvent(data, eventId, officeName, author, scope).then((id) => {
      if (!alive) return;
      if (!id) {
        setMissing(true);
        return;
      }
      // Replace, not push: Back must not return here and write a second draft.
      window.history.replaceState(null, '', hashOf('news', ['edit', id]));
      useNavigation.setState({ route: 'news', path: ['edit', id] });
      show(t('news.fromEvent.created'));
    });
    return () => {
      alive = false;
    };
    // The office name arrives with the geography; the draft is written once, on arrival here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, eventId]);

  return missing ? (
    <p className="message error" role="alert">
      {t('news.fromEvent.missing')}
    </p>
  ) : (
    <p role="status">{t('news.fromEvent.working')}</p>
  );
}
