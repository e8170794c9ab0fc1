import { useState } from 'react';
import seminarArticle from '../../app/sample-data/seeds/seminar-article.txt?raw';
import newsListing from '../../app/sample-data/seeds/news-listing.txt?raw';
import { loadSampleData } from '../../app/sample-data/load-sample-data';
import { useDeskData } from '../../app/desk-data-context';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';

/** "โหลดข้อมูลตัวอย่าง": fills an empty device with the seed pages' content. */
export function LoadSampleButton() {
  const t = useTranslate();
  const data = useDeskData();
  const { author, scope } = useSession();
  const show = useNotices((s) => s.show);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    try {
      const result = await loadSampleData(data, { seminarArticle, newsListing }, author, scope);
      show(result.loaded ? t('sample.loaded', { news: result.news, events: result.events, centres: result.centres, members: result.members }) : t('sample.alreadyLoaded'));
    } catch (error) {
      show(t('common.error', { message: (error as Error).message }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" className="button secondary" onClick={load} disabled={busy}>
      {busy ? t('sample.loading') : t('sample.load')}
    </button>
  );
}
