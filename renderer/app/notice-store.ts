import { create } from 'zustand';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface NoticeState {
  notices: Notice[];
  show(text: string, kind?: Notice['kind']): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Short messages that outlive the component that raised them (e.g. after a screen changes). */
export const useNotices = create<NoticeState>((set) => ({
  notices: [],
  show: (text, kind = 'info') => {
    const id = nextId++;
    set((s) => ({ notices: [...s.notices.slice(-2), { id, kind, text }] }));
    if (kind === 'info') setTimeout(() => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), 8000);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
