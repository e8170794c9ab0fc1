import { useState, type FormEvent } from 'react';
import { useDeskData } from '../../app/desk-data-context';
import { useNavigation } from '../../app/navigation-store';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { RecordValidationError } from '../../db/record-validation-error';

/** "หัวข้อข่าว" + "สร้างร่างข่าว": a draft from a headline, then straight into the editor. */
export function NewsCreateForm({ openAfterCreate = false }: { openAfterCreate?: boolean }) {
  const t = useTranslate();
  const data = useDeskData();
  const navigate = useNavigation((s) => s.navigate);
  const { author, scope } = useSession();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const item = await data.news.createDraft({ title }, author, scope);
      setTitle('');
      setError(null);
      if (openAfterCreate) navigate('news', 'edit', item.id);
    } catch (err) {
      setError(err instanceof RecordValidationError ? err.issues.map((i) => i.message).join(' ') : t('common.error', { message: (err as Error).message }));
    }
  };

  return (
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
  );
}
