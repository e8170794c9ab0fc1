import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import { isSafeHref, sanitiseNewsHtml } from '../../../shared/news/news-html-sanitiser';
import { useNotices } from '../../app/notice-store';
import { useTranslate } from '../../app/use-translate';
import { AttachmentImage } from './attachment-image';
import { ThaiBackspace } from './thai-backspace';

interface Props {
  initialHtml: string;
  editable: boolean;
  labelId: string;
  onChange(editor: Editor): void;
  onReady(editor: Editor | null): void;
}

/** The article body: TipTap (ProseMirror) with the structure the office website uses, nothing more. */
export function RichTextEditor({ initialHtml, editable, labelId, onChange, onReady }: Props) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, code: false, codeBlock: false, strike: false, horizontalRule: false, link: { openOnClick: false, autolink: true, protocols: ['mailto'] } }),
      AttachmentImage,
      ThaiBackspace,
    ],
    content: initialHtml,
    editable,
    editorProps: {
      // Word and web pages put styles, classes and their own markup on the clipboard: keep the text and structure only.
      transformPastedHTML: (html) => sanitiseNewsHtml(html),
      attributes: { class: 'news-body-editor', 'aria-labelledby': labelId, 'aria-multiline': 'true', role: 'textbox', 'data-testid': 'news-body' },
    },
    onUpdate: ({ editor: e }) => onChange(e),
  });

  useEffect(() => {
    onReady(editor);
    return () => onReady(null);
  }, [editor, onReady]);

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className="news-body">
      {editable && editor && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const t = useTranslate();
  const show = useNotices((s) => s.show);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
    }),
  });
  const link = () => {
    const current = (editor.getAttributes('link').href as string | undefined) ?? 'https://';
    const href = window.prompt(t('news.toolbar.linkPrompt'), current);
    if (href === null) return;
    if (!href.trim()) editor.chain().focus().unsetLink().run();
    else if (!isSafeHref(href)) show(t('news.toolbar.badLink'), 'error');
    else editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
  };
  const buttons: { key: string; label: string; text: string; active: boolean; run(): void }[] = [
    { key: 'bold', label: t('news.toolbar.bold'), text: 'B', active: state.bold, run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', label: t('news.toolbar.italic'), text: 'I', active: state.italic, run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'h2', label: t('news.toolbar.h2'), text: 'H2', active: state.h2, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run() },
    { key: 'h3', label: t('news.toolbar.h3'), text: 'H3', active: state.h3, run: () => editor.chain().focus().toggleHeading({ level: 3 }).run() },
    { key: 'bullet', label: t('news.toolbar.bullet'), text: '•', active: state.bullet, run: () => editor.chain().focus().toggleBulletList().run() },
    { key: 'ordered', label: t('news.toolbar.ordered'), text: '1.', active: state.ordered, run: () => editor.chain().focus().toggleOrderedList().run() },
    { key: 'quote', label: t('news.toolbar.quote'), text: '“ ”', active: state.quote, run: () => editor.chain().focus().toggleBlockquote().run() },
    { key: 'link', label: t('news.toolbar.link'), text: t('news.toolbar.link'), active: state.link, run: link },
    { key: 'undo', label: t('news.toolbar.undo'), text: '↶', active: false, run: () => editor.chain().focus().undo().run() },
    { key: 'redo', label: t('news.toolbar.redo'), text: '↷', active: false, run: () => editor.chain().focus().redo().run() },
  ];
  return (
    <div className="news-toolbar" role="toolbar" aria-label={t('news.toolbar')}>
      {buttons.map((b) => (
        <button key={b.key} type="button" className={`news-tool${b.active ? ' active' : ''}`} aria-label={b.label} title={b.label} aria-pressed={b.key === 'undo' || b.key === 'redo' ? undefined : b.active} onClick={b.run}>
          {b.text}
        </button>
      ))}
    </div>
  );
}
