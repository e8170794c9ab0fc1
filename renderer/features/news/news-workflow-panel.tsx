import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { NewsItem } from '../../../shared/domain/news';
import { allowedActions, NEWS_WORKFLOW, type NewsAction } from '../../../shared/news/news-workflow';
import { useDeskData } from '../../app/desk-data-context';
import type { MessageKey } from '../../app/i18n/translate';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';

/** The moves the user's role may make now, with a comment, and the item's history. */
export function NewsWorkflowPanel({ item, beforeTransition }: { item: NewsItem; beforeTransition(): Promise<void> }) {
  const t = useTranslate();
  const dates = useDateFormat();
  const data = useDeskData();
  const { author, role } = useSession();
  const show = useNotices((s) => s.show);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const history = useLiveQuery(() => data.news.transitions(item.id), [data, item.id]) ?? [];
  const actions = allowedActions(role, item.status);
  const needsComment = actions.some((a) => NEWS_WORKFLOW[a].commentRequired);

  const run = async (action: NewsAction) => {
    setBusy(true);
    setError(null);
    try {
      await beforeTransition();
      await data.news.transition(item.id, action, { author, role }, comment);
      setComment('');
      show(t('news.workflow.done', { action: t(`news.action.${action}` as MessageKey) }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="news-panel" aria-labelledby="news-workflow-title">
      <h2 id="news-workflow-title">{t('news.workflow.title')}</h2>
      <p className="muted" data-testid="news-role">
        {t('news.workflow.role', { role: t(`news.role.${role}` as MessageKey) })}
      </p>
      <p>
        <span className={`badge status-${item.status}`} data-testid="news-status">
          {t(`news.status.${item.status}` as MessageKey)}
        </span>
      </p>
      {actions.length === 0 ? (
        <p className="muted">{t('news.workflow.none')}</p>
      ) : (
        <>
          {needsComment && (
            <label className="news-stacked">
              {t('news.workflow.comment')} <span className="muted">({t('news.workflow.commentHint')})</span>
              <textarea value={comment} rows={2} onChange={(e) => setComment(e.target.value)} />
            </label>
          )}
          <div className="news-actions">
            {actions.map((a) => (
              <button key={a} type="button" className={`button ${a === 'send_back' ? 'secondary' : 'primary'}`} disabled={busy} onClick={() => void run(a)}>
                {t(`news.action.${a}` as MessageKey)}
              </button>
            ))}
          </div>
        </>
      )}
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      <h3>{t('news.workflow.history')}</h3>
      {history.length === 0 ? (
        <p className="muted">{t('news.workflow.noHistory')}</p>
      ) : (
        <ol className="news-history" data-testid="news-history">
          {history.map((s) => (
            <li key={s.id}>
              {t('news.step', { who: s.actorName, action: t(`news.action.${s.action}` as MessageKey), when: `${dates.shortDate(new Date(s.at))} ${dates.time(new Date(s.at))}` })}
              {s.comment && <q className="news-comment">{s.comment}</q>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
