import { create } from 'zustand';
import type { ActivityType } from '../../../shared/domain/calendar-event';

export const CALENDAR_VIEWS = ['month', 'week', 'day', 'agenda'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export interface CalendarFilters {
  /** Types shown; every type when empty. */
  hiddenTypes: ActivityType[];
  /** 4-digit amphoe code, or '' for the whole province. */
  districtCode: string;
  /** Exact organiser, or '' for all. */
  organiser: string;
}

/** The dialog open over the calendar, if any (the event detail is a route, #/calendar/event/<id>). */
export type CalendarDialog =
  | { kind: 'none' }
  | { kind: 'form'; eventId: string | null; start: Date; end: Date; allDay: boolean }
  | { kind: 'export' };

interface CalendarViewState {
  view: CalendarView;
  /** A day inside the range on screen. */
  date: Date;
  filters: CalendarFilters;
  dialog: CalendarDialog;
  /** Which instance of a recurring activity the detail shows (its rule start). */
  occurrenceStart: Date | null;
  setView(view: CalendarView): void;
  setDate(date: Date): void;
  setFilters(patch: Partial<CalendarFilters>): void;
  openDialog(dialog: CalendarDialog): void;
  setOccurrenceStart(start: Date | null): void;
}

const today = new Date();

/** What the calendar shows and which dialog is open: UI state only; activities come from Dexie. */
export const useCalendarView = create<CalendarViewState>((set) => ({
  view: 'month',
  date: new Date(today.getFullYear(), today.getMonth(), today.getDate()),
  filters: { hiddenTypes: [], districtCode: '', organiser: '' },
  dialog: { kind: 'none' },
  occurrenceStart: null,
  setView: (view) => set({ view }),
  setDate: (date) => set({ date }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  openDialog: (dialog) => set({ dialog }),
  setOccurrenceStart: (occurrenceStart) => set({ occurrenceStart }),
}));
