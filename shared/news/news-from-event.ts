// A draft written from a calendar activity, in the style of the office's own articles (see the
// seed article: who organised what, when, where, and who took part, with the total).
import type { CalendarEvent } from '../domain/calendar-event';
import { formatLongDate, formatTime, THAI_MONTHS } from '../thai/buddhist-era-date';
import { escapeText } from './html-tree';

export interface EventDraft {
  title: string;
  lead: string;
  bodyHtml: string;
  category: string;
  tags: string[];
  dateline: string;
  eventId: string;
}

function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "วันที่ 24 – 25 สิงหาคม 2565" for a multi-day activity, "วันที่ 16 มิถุนายน 2565 เวลา 09.30 น." for one day. */
export function eventWhen(event: Pick<CalendarEvent, 'start' | 'end' | 'allDay'>): string {
  const start = new Date(event.start);
  // An all-day end is exclusive at midnight: the day before is the last day.
  const end = new Date(Date.parse(event.end) - (event.allDay && Date.parse(event.end) > Date.parse(event.start) ? 1 : 0));
  if (localIsoDate(start) === localIsoDate(end)) return `วันที่ ${formatLongDate(start)}${event.allDay ? '' : ` เวลา ${formatTime(start).replace(':', '.')} น.`}`;
  if (start.getFullYear() === end.getFullYear() && start.getMonth() === end.getMonth()) {
    return `ระหว่างวันที่ ${start.getDate()} – ${end.getDate()} ${THAI_MONTHS[end.getMonth()]} ${end.getFullYear() + 543}`;
  }
  return `ระหว่างวันที่ ${formatLongDate(start)} – ${formatLongDate(end)}`;
}

export type EventForNews = Pick<CalendarEvent, 'id' | 'title' | 'start' | 'end' | 'allDay' | 'place' | 'organiser' | 'description' | 'expected' | 'actual'>;

export function newsDraftFromEvent(event: EventForNews, officeName: string): EventDraft {
  const groups = event.actual.length ? event.actual : event.expected;
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const who = event.organiser.trim() || officeName;
  const when = eventWhen(event);
  const where = event.place.trim() ? ` ณ ${event.place.trim()}` : '';
  const lead = `${who} จัด${event.title} ${when}${where}`;
  const paragraphs = [lead];
  if (groups.length) {
    const list = groups.map((g) => `${g.group} จำนวน ${g.count.toLocaleString('th-TH')} คน`).join(' ');
    paragraphs.push(`ผู้เข้าร่วมกิจกรรม ประกอบด้วย ${list} รวมทั้งสิ้น ${total.toLocaleString('th-TH')} คน`);
  }
  if (event.description.trim()) paragraphs.push(event.description.trim());
  return {
    title: `${who} จัด${event.title}`.slice(0, 300),
    lead,
    bodyHtml: paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join(''),
    category: 'ข่าว/กิจกรรม',
    tags: [],
    dateline: localIsoDate(new Date(event.start)),
    eventId: event.id,
  };
}
