import { create } from 'zustand';

interface OverviewViewState {
  /** The fiscal year (BE) the charts show; null: the current one. */
  fiscalYear: number | null;
  setFiscalYear(fiscalYear: number): void;
}

/** What the overview shows (UI state only; the figures come from Dexie). */
export const useOverviewView = create<OverviewViewState>((set) => ({
  fiscalYear: null,
  setFiscalYear: (fiscalYear) => set({ fiscalYear }),
}));
