import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { NewsItem } from '../../../shared/domain/news';
import { diffRevisions } from '../../../shared/news/revision-diff';
import { canEditContent } from '../../../shared/news/news-workflow';
import { useDeskData } from '../../app/desk-data-context';
import type { MessageKey } from '../../app/i18n/translate';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';

interface Props {
  item: NewsItem;
  /** Saves what is typed but not stored yet, so a revision or a diff sees it. */
  flush(): Promise<void>;
  onRestored(restored: NewsItem): void;
}

/** Revisions: keep one now, see what changed since one, restore one (itself undoable). */
export function NewsRevisionsPanel({ item, flush, onRestored }: Props) {
  const t = useTranslate();
  const dates = useDateFormat();
  const data = useDeskData();
  const { author, role } = useSession();
  const show = useNotices((s) => s.show);
  const revisions = useLiveQuery(() => data.news.revisions(item.id), [data, item.id]) ?? [];
  const [comparing, setComparing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editable = canEditContent(role, item.status);
  const compared = revisions.findIndex((r) => r.id === comparing);
  const diff = compared === -1 ? null : diffRevisions(revisions[compared]!, item);

  const keep = async () => {
    await flush();
    await data.news.saveRevision(item.id, author);
    show(t('news.revisions.saved'));
  };

  const restore = async (id: string, number: number) => {
    setError(null);
    try {
      await flush();
      const restored = await data.news.restoreRevision(id, { author, role });
      setComparing(null);
      onRestored(restored);
      show(t('news.revisions.restored', { number }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="news-panel" aria-labelledby="news-revisions-title">
      <h2 id="news-revisions-title">{t('news.revisions.title')}</h2>
      <button type="button" className="button secondary" onClick={() => void keep()}>
        {t('news.revisions.save')}
      </button>
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      {revisions.length === 0 ? (
        <p className="muted">{t('news.revisions.empty')}</p>
      ) : (
        <ol className="news-revisions" data-testid="news-revisions">
          {revisions.map((r, i) => (
            <li key={r.id}>
              <span>{t('news.revisions.item', { number: i + 1, reason: t(`news.revisions.reason.${r.reason}` as MessageKey), who: r.authorName, when: `${dates.shortDate(new Date(r.createdAt))} ${dates.time(new Date(r.createdAt))}` })}</span>
              <span className="news-revision-actions">
                <button type="button" className="button secondary" aria-pressed={comparing === r.id} onClick={() => void flush().then(() => setComparing(comparing === r.id ? null : r.id))}>
                  {t('news.revisions.compare')}
                </button>
                {editable && (
                  <button type="button" className="button secondary" onClick={() => void restore(r.id, i + 1)}>
                    {t('news.revisions.restore')}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      {diff && (
        <div className="news-diff" data-testid="news-diff" aria-live="polite">
          <h3>{t('news.revisions.diffTitle', { number: compared + 1 })}</h3>
          {diff.length === 0 ? (
            <p className="muted">{t('news.revisions.noChanges')}</p>
          ) : (
            diff.map((field) => (
              <div key={field.field} className="news-diff-field">
                <h4>{t(`news.diff.${field.field}` as MessageKey)}</h4>
                <p className="news-diff-text">
                  {field.parts.map((p, i) =>
                    p.kind === 'same' ? <span key={i}>{p.text}</span> : p.kind === 'added' ? <ins key={i}>{p.text}</ins> : <del key={i}>{p.text}</del>,
                  )}
                </p>
              </div>
            ))
          )}
        </div>
      )}
    </section>
  );
}
