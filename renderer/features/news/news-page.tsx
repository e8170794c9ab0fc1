import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useDeskData } from '../../app/desk-data-context';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { useDateFormat } from '../../app/use-date-format';
import type { MessageKey } from '../../app/i18n/translate';
import { RecordValidationError } from '../../db/record-validation-error';
import { LoadSampleButton } from '../sample-data/load-sample-button';

/** The news list with a quick "new draft" form; the full editor comes with the news capability. */
export function NewsPage() {
  const t = useTranslate();
  const dates = useDateFormat();
  const data = useDeskData();
  const { author, scope } = useSession();
  const items = useLiveQuery(() => data.news.listRecent(), [data]);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await data.news.createDraft({ title }, author, scope);
      setTitle('');
      setError(null);
    } catch (err) {
      setError(err instanceof RecordValidationError ? err.issues.map((i) => i.message).join(' ') : t('common.error', { message: (err as Error).message }));
    }
  };

  return (
    <section aria-labelledby="news-title">
      <h1 id="news-title">{t('news.title')}</h1>
      <form className="inline-form" onSubmit={create} noValidate>
        <label htmlFor="new-news-title">{t('news.newTitle')}</label>
        <input id="new-news-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('news.newTitlePlaceholder')} aria-invalid={error ? true : undefined} aria-describedby={error ? 'new-news-error' : undefined} />
        <button type="submit" className="button primary">
          {t('news.create')}
        </button>
        {error && (
          <p id="new-news-error" className="message error" role="alert">
            {error}
          </p>
        )}
      </form>
      {items === undefined ? (
        <p>{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <div className="empty-state">
          <p>{t('news.empty')}</p>
          <LoadSampleButton />
        </div>
      ) : (
        <ul className="card-list" aria-label={t('news.title')}>
          {items.map((item) => (
            <li key={item.id} className="card">
              <div className="card-meta">
                <span className={`badge status-${item.status}`}>{t(`news.status.${item.status}` as MessageKey)}</span>
                <span className="badge">{item.category}</span>
                {item.dateline && <span>{t('news.dateline', { date: dates.shortDate(new Date(`${item.dateline}T00:00:00`)) })}</span>}
              </div>
              <h2 className="card-title">{item.title}</h2>
              {item.lead && <p className="card-lead">{item.lead}</p>}
              <p className="card-foot">
                {item.authorName} · {t('news.updated', { date: `${dates.shortDate(new Date(item.updatedAt))} ${dates.time(new Date(item.updatedAt))}` })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
