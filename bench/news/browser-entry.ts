// Runs inside Chromium (bundled by bench/news/run.ts): the real news repository on the browser's
// IndexedDB, and the real TipTap editor with the app's extensions.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { DeskDatabase } from '../../renderer/db/database';
import { openDeskData, type DeskData } from '../../renderer/db/desk-data';
import type { NewsFilters } from '../../renderer/db/repositories/news-search';
import { newsSearchText } from '../../renderer/db/repositories/news-search-text';
import { AttachmentImage, withoutPhotoUrls } from '../../renderer/features/news/attachment-image';
import { ThaiBackspace } from '../../renderer/features/news/thai-backspace';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import { matchesAllTokens, searchQueryTokens, tokenizeForSearch } from '../../shared/thai/search-tokens';
import { bodyHtml, makeNews, random } from './fixtures';

let data: DeskData | null = null;
const actor = { author: { userId: 'bench', displayName: 'ผู้ทดสอบ' }, role: 'editor' as const };

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

async function seed(count: number): Promise<number> {
  data = await openDeskData(new DeskDatabase(`bench-news-${Date.now()}`));
  const at = new Date().toISOString();
  const rows = makeNews(count).map((n, i) => {
    const record = {
      id: uuidv7(Date.now() + i), provinceCode: '57', districtCode: null, deleted: false,
      title: n.title, lead: n.lead, bodyHtml: n.bodyHtml, category: n.category, tags: [], status: n.status, eventId: null, dateline: n.dateline,
      authorId: `author-${n.authorIndex}`, authorName: `ผู้เขียน ${n.authorIndex}`, coverAttachmentId: null, photos: [], publishedAt: null,
      createdAt: at, updatedAt: new Date(Date.parse('2024-01-01') + i * 60_000).toISOString(),
    };
    // Seeding is not measured: the rows as the record writer would store them, in one go.
    return { ...record, searchTokens: tokenizeForSearch(newsSearchText(record)), _stamps: {} };
  });
  await data.db.news.bulkPut(rows);
  // The list screen opens before anyone types: all live news, newest first.
  await data.news.searchIds({});
  return data.db.news.count();
}

/** p95 of the repository's search (index keys only) and of a full scan with the same matching. */
async function search(queries: string[], rounds: number): Promise<{ p95: number; warmP95: number; coldP95: number; baselineP95: number; hits: number; cold: number[] }> {
  const samples: number[] = [];
  const cold: number[] = [];
  const baseline: number[] = [];
  let hits = 0;
  const filterSets: NewsFilters[] = [{}, { statuses: ['published'] }, { categories: ['ข่าว/กิจกรรม'] }, { datelineFrom: '2021-01-01', datelineTo: '2021-12-31' }];
  for (let round = 0; round < rounds; round++) {
    for (const [i, query] of queries.entries()) {
      const filters = { ...filterSets[(i + round) % filterSets.length], query };
      const t0 = performance.now();
      const ids = await data!.news.searchIds(filters);
      samples.push(performance.now() - t0);
      hits += ids.length;
      if (round === 0) cold.push(samples[samples.length - 1]!);
    }
  }
  // The full-scan baseline runs after the timed searches, not between them: its 10,000 rows (~100 MB
  // of objects) left the next timed search paying for their garbage collection.
  for (const [i, query] of queries.entries()) {
    const filters = filterSets[i % filterSets.length]!;
    const t1 = performance.now();
    const tokens = searchQueryTokens(query);
    const all = await data!.db.news.toArray();
    all.filter((n) => !n.deleted && matchesAllTokens(n.searchTokens ?? [], tokens) && (!filters.statuses || filters.statuses.includes(n.status)));
    baseline.push(performance.now() - t1);
  }
  return { p95: p95(samples), warmP95: p95(samples.slice(queries.length)), coldP95: p95(cold), baselineP95: p95(baseline), hits, cold: cold.map((ms) => Math.round(ms)) };
}

/** Search as you type: every keystroke of each query is a new prefix, nothing cached for it yet. */
async function typing(queries: string[]): Promise<{ p95: number }> {
  const samples: number[] = [];
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      const t0 = performance.now();
      await data!.news.searchIds({ query: query.slice(0, n) });
      samples.push(performance.now() - t0);
    }
  }
  return { p95: p95(samples) };
}

function editorFor(html: string, element: HTMLElement): Editor {
  return new Editor({ element, extensions: [StarterKit.configure({ heading: { levels: [2, 3] } }), AttachmentImage, ThaiBackspace], content: html });
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Opening a long article: the editor built and painted, against the same HTML put in a plain div. */
async function openLong(words: number, rounds: number): Promise<{ openMs: number; baselineMs: number; autosaveMs: number; autosaveBaselineMs: number; wordsInBody: number }> {
  const html = bodyHtml(random(99), words);
  const item = await data!.news.createDraft({ title: 'บทความยาวสำหรับทดสอบ', bodyHtml: '<p>เริ่ม</p>' }, actor.author, { provinceCode: '57', districtCode: null });
  const open: number[] = [];
  const plain: number[] = [];
  const save: number[] = [];
  const raw: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const host = document.createElement('div');
    document.body.append(host);
    const t0 = performance.now();
    const editor = editorFor(html, host);
    await frame();
    open.push(performance.now() - t0);

    const div = document.createElement('div');
    div.contentEditable = 'true';
    document.body.append(div);
    const t1 = performance.now();
    div.innerHTML = html;
    await frame();
    plain.push(performance.now() - t1);
    div.remove();

    // An autosave after a keystroke: the editor's HTML, then the coalesced repository write.
    editor.commands.insertContentAt(editor.state.doc.content.size - 1, `ก${round}`);
    const t2 = performance.now();
    await data!.news.editContent(item.id, { bodyHtml: withoutPhotoUrls(editor.getHTML()) }, actor, { coalesce: true });
    save.push(performance.now() - t2);

    const current = (await data!.db.news.get(item.id))!;
    const t3 = performance.now();
    await data!.db.news.put({ ...current, bodyHtml: current.bodyHtml + 'ข' });
    raw.push(performance.now() - t3);

    editor.destroy();
    host.remove();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const words5000 = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(html.replace(/<[^>]+>/g, ' '))].filter((s) => s.isWordLike).length;
  return { openMs: median(open), baselineMs: median(plain), autosaveMs: median(save), autosaveBaselineMs: median(raw), wordsInBody: words5000 };
}

(window as unknown as { newsBench: unknown }).newsBench = { seed, search, typing, openLong };
