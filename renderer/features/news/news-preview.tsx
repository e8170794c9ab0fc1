import { printToPdf } from '../../app/print-to-pdf';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { articleHtml } from '../../../shared/news/news-article';
import { useDeskData } from '../../app/desk-data-context';
import { hashOf } from '../../app/navigation-store';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { exportNewsDocx, exportNewsHtml } from './news-export';
import { usePhotoViews } from './use-photo-urls';
import { useOfficeName } from './use-office-name';

/** #/news/preview/<id>: the article as the office website shows it, and its exports. */
export function NewsPreviewPage({ id }: { id: string }) {
  const t = useTranslate();
  const data = useDeskData();
  const era = useSession((s) => s.settings.era);
  const show = useNotices((s) => s.show);
  const officeName = useOfficeName();
  const item = useLiveQuery(async () => (await data.news.get(id)) ?? null, [data, id]);
  const photos = usePhotoViews(id);
  const [busy, setBusy] = useState(false);

  if (item === undefined || photos === undefined) return <p>{t('common.loading')}</p>;
  if (item === null || item.deleted) {
    return (
      <p className="message error" role="alert">
        {t('news.notFound')}
      </p>
    );
  }

  const run = async (work: () => Promise<{ saved: boolean; fileName?: string }>) => {
    setBusy(true);
    try {
      const result = await work();
      if (result.saved && result.fileName) show(t('news.export.saved', { name: result.fileName }));
    } catch (e) {
      show(t('news.export.failed', { message: (e as Error).message }), 'error');
    } finally {
      setBusy(false);
    }
  };

  // articleHtml sanitises the body (allow-listed tags, safe links, attachment images only).
  const html = articleHtml(item, photos.map((p) => ({ attachmentId: p.attachmentId, src: p.url, caption: p.caption, isCover: p.isCover })), era);
  return (
    <section className="news-preview-page" aria-labelledby="news-preview-heading">
      <div className="news-editor-head no-print">
        <a href={hashOf('news', ['edit', item.id])}>← {t('news.edit')}</a>
        <h1 id="news-preview-heading" className="news-preview-heading">
          {t('news.preview.title')}
        </h1>
        <div className="news-actions" aria-busy={busy}>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void run(() => exportNewsHtml(item, photos, officeName))}>
            {t('news.export.html')}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void run(() => exportNewsDocx(item, photos, officeName))}>
            {t('news.export.docx')}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void printToPdf(item.title)}>
            {t('news.export.pdf')}
          </button>
        </div>
        {busy && (
          <div className="news-progress" role="status">
            <progress aria-label={t('news.export.working')} />
            <span>{t('news.export.working')}</span>
          </div>
        )}
      </div>
      <div className="news-website">
        <p className="news-website-office">{officeName}</p>
        <div dangerouslySetInnerHTML={{ __html: html }} />
      </div>
    </section>
  );
}
