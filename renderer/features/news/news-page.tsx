import './news.css';
import { useNavigation } from '../../app/navigation-store';
import { NewsEditorPage } from './news-editor';
import { NewsFromEventPage } from './news-from-event';
import { NewsList } from './news-list';
import { NewsPreviewPage } from './news-preview';
import { installNewsTestHook } from './news-test-hook';

installNewsTestHook();

/** The news screen's own routes: list, #/news/edit/<id>, #/news/preview/<id>, #/news/from-event/<eventId>. */
export function NewsPage() {
  const path = useNavigation((s) => s.path);
  const [view, id] = path;
  if (view === 'edit' && id) return <NewsEditorPage id={id} />;
  if (view === 'preview' && id) return <NewsPreviewPage id={id} />;
  if (view === 'from-event' && id) return <NewsFromEventPage eventId={id} />;
  return <NewsList />;
}
