import Dexie from 'dexie';
import type { DeskDatabase } from '../database';

const MAX_ENTRIES = 400;

/**
 * Index key sets of the news table (the live set, the orders, a token's ids …), kept until the
 * table changes. Typing a query or changing a filter re-reads only what is new. Any write to news
 * — the editor, a sync pull, another window — empties the cache through Dexie's storagemutated
 * event; the listener is registered when this module loads, so it runs before any live query's.
 */
export class NewsSearchCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  clear(): void {
    this.entries.clear();
  }

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key) as Promise<T> | undefined;
    if (found) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const loading = load();
    this.entries.set(key, loading);
    loading.catch(() => this.entries.delete(key));
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return loading;
  }
}

/** By database name: storagemutated names the database, and tests open many. */
const caches = new Map<string, NewsSearchCache>();

Dexie.on('storagemutated', (parts) => {
  for (const part of Object.keys(parts)) {
    const match = /^idb:\/\/(.*)\/news\//.exec(part);
    if (match) caches.get(match[1]!)?.clear();
  }
});

export function newsSearchCache(db: DeskDatabase): NewsSearchCache {
  let cache = caches.get(db.name);
  if (!cache) {
    cache = new NewsSearchCache();
    caches.set(db.name, cache);
  }
  return cache;
}
