import { create } from 'zustand';
import type { NewsStatus } from '../../../shared/domain/news';
import type { NewsSort } from '../../db/repositories/news-search';

/** The list's search and filters: view state, kept while the user opens an item and comes back. */
export interface NewsListFilters {
  query: string;
  status: NewsStatus | '';
  category: string;
  authorId: string;
  /** As typed (BE), parsed when searching. */
  fromText: string;
  toText: string;
  sort: NewsSort;
}

export const EMPTY_FILTERS: NewsListFilters = { query: '', status: '', category: '', authorId: '', fromText: '', toText: '', sort: 'updated_desc' };

interface NewsListState {
  filters: NewsListFilters;
  setFilter<K extends keyof NewsListFilters>(key: K, value: NewsListFilters[K]): void;
  clear(): void;
}

export const useNewsList = create<NewsListState>((set) => ({
  filters: EMPTY_FILTERS,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clear: () => set({ filters: EMPTY_FILTERS }),
}));
