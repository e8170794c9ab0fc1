import type { CalendarEvent } from '../../../shared/domain/calendar-event';
import { recordIdOfUid, type IcsActivity, type IcsField } from '../../../shared/calendar/ics-activity';
import { buildRule, expandOccurrences, presetOf, type Occurrence } from '../../../shared/calendar/recurrence';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import type { RecordWriter, WriteOptions } from '../record-writer';
import type { WorkScope } from './author';
import { newRecordEnvelope } from './record-envelope';

export type EventInput = Omit<CalendarEvent, 'id' | 'provinceCode' | 'districtCode' | 'deleted' | 'createdAt' | 'updatedAt' | 'icsUid' | 'rdates' | 'timeZone'> & {
  districtCode?: string | null;
  icsUid?: string | null;
  rdates?: string[];
  timeZone?: string | null;
};
export type EventPatch = Partial<Omit<CalendarEvent, 'id' | 'provinceCode' | 'districtCode' | 'createdAt'>>;

/**
 * How far before a range its one-offs are read in full. An activity that began earlier and still
 * runs is found through the key-only index scans instead, a second (rare) read.
 */
const LOOKBACK_MS = 7 * 86_400_000;

/** One occurrence on screen: a one-off activity, or one instance of a recurring one. */
export interface CalendarOccurrence extends Occurrence {
  event: LocalRecord<'events'>;
}

/** Whether a change to a recurring activity applies to the whole series or to one occurrence. */
export type OccurrenceScope = 'series' | 'one';

/** An activity of the file already on this device (same UID), with what the file changes in it. */
export interface ImportUpdate {
  activity: IcsActivity;
  id: string;
  /** The fields the file says differently, and only those the file carries (see IcsActivity.fieldsInFile). */
  changed: IcsField[];
}

export interface ImportPreview {
  fresh: IcsActivity[];
  /** On this device (same UID, or our own export of a record that is here) and changed in the file. */
  updates: ImportUpdate[];
  /** On this device and the same in the file. */
  unchanged: IcsActivity[];
}

/** Rows per bulk write of an import: progress moves between chunks. */
const IMPORT_CHUNK = 100;

/** Records written before rdates and timeZone existed have neither: they mean none. */
const FIELD_DEFAULTS: Partial<Record<IcsField, unknown>> = { rdates: [], timeZone: null };

/** The fields the file carries whose value differs from the record's. */
function changedFields(record: LocalRecord<'events'>, activity: IcsActivity): IcsField[] {
  return activity.fieldsInFile.filter((f) => canonicalJson(record[f] ?? FIELD_DEFAULTS[f]) !== canonicalJson(activity[f]));
}

export class EventRepository {
  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
  ) {}

  create(input: EventInput, scope: WorkScope, now = new Date()): Promise<LocalRecord<'events'>> {
    const { districtCode, icsUid, rdates, timeZone, ...fields } = input;
    return this.writer.create('events', {
      ...fields,
      icsUid: icsUid ?? null,
      rdates: rdates ?? [],
      timeZone: timeZone ?? null,
      ...newRecordEnvelope(scope.provinceCode, districtCode === undefined ? scope.districtCode : districtCode, now),
    });
  }

  update(id: string, patch: EventPatch, options: Pick<WriteOptions, 'base'> = {}): Promise<LocalRecord<'events'>> {
    return this.writer.update('events', id, patch, options);
  }

  remove(id: string): Promise<void> {
    return this.writer.remove('events', id);
  }

  get(id: string): Promise<LocalRecord<'events'> | undefined> {
    return this.db.events.get(id).then((e) => (e && !e.deleted ? e : undefined));
  }

  /**
   * Records that may have occurrences in [from, to), read without scanning the whole table: the
   * one-offs that start within a week before `from` or inside the range (read in full; most
   * activities last a day or a few), the longer ones still running at `from` (found by intersecting
   * two key-only index scans, read only when there are any), and every series (the rrule index
   * holds only those).
   */
  private async candidates(from: Date, to: Date): Promise<LocalRecord<'events'>[]> {
    const fromIso = from.toISOString();
    const lookbackIso = new Date(from.getTime() - LOOKBACK_MS).toISOString();
    const events = this.db.events;
    const [near, startedEarlier, endingLater, series] = await Promise.all([
      events.where('start').between(lookbackIso, to.toISOString(), true, false).toArray(),
      events.where('start').below(lookbackIso).primaryKeys(),
      events.where('end').aboveOrEqual(fromIso).primaryKeys(),
      events.where('rrule').above('').toArray(),
    ]);
    const stillRunning = new Set(endingLater);
    const longIds = startedEarlier.filter((id) => stillRunning.has(id));
    const long = longIds.length > 0 ? await events.bulkGet(longIds) : [];
    const byId = new Map<string, LocalRecord<'events'>>();
    for (const e of [...near, ...long, ...series]) if (e && !e.deleted) byId.set(e.id, e);
    return [...byId.values()];
  }

  /** Events with an occurrence in [from, to), sorted by start. */
  async between(from: Date, to: Date): Promise<LocalRecord<'events'>[]> {
    const rows = await this.candidates(from, to);
    return rows.filter((e) => expandOccurrences(e, from, to).length > 0).sort((a, b) => a.start.localeCompare(b.start));
  }

  /** What the views draw for [from, to): one-off activities and the instances of recurring ones. */
  async occurrencesBetween(from: Date, to: Date): Promise<CalendarOccurrence[]> {
    const occurrences: CalendarOccurrence[] = [];
    for (const event of await this.candidates(from, to)) {
      for (const o of expandOccurrences(event, from, to)) occurrences.push({ ...o, event });
    }
    return occurrences.sort((a, b) => a.start.getTime() - b.start.getTime() || a.event.title.localeCompare(b.event.title));
  }

  /** Everyone who organises activities here, for the filter (from the index, without reading records). */
  async organisers(): Promise<string[]> {
    const names = (await this.db.events.orderBy('organiser').uniqueKeys()) as string[];
    return names.filter((n) => n.trim() !== '');
  }

  /** The start of the latest activity, to offer a jump when the month on screen is empty. */
  async latestStart(): Promise<Date | null> {
    const latest = await this.db.events.orderBy('start').reverse().filter((e) => !e.deleted).first();
    return latest ? new Date(latest.start) : null;
  }

  /**
   * Moves or resizes an occurrence (drag and drop, or the form). For one instance of a series
   * it detaches: the series gets an exception and a one-off activity takes the new times, in
   * one transaction so neither half exists alone.
   */
  async moveOccurrence(occurrence: Pick<CalendarOccurrence, 'event' | 'originalStart' | 'recurring'>, start: Date, end: Date, allDay: boolean, scope: OccurrenceScope, workScope: WorkScope): Promise<string> {
    const event = occurrence.event;
    if (!occurrence.recurring) {
      await this.update(event.id, { start: start.toISOString(), end: end.toISOString(), allDay });
      return event.id;
    }
    if (scope === 'series') {
      const delta = start.getTime() - occurrence.originalStart.getTime();
      const seriesStart = new Date(new Date(event.start).getTime() + delta);
      const seriesEnd = new Date(seriesStart.getTime() + (end.getTime() - start.getTime()));
      const { preset, until } = presetOf(event.rrule, new Date(event.start), event);
      const rrule = preset !== 'none' && preset !== 'custom' ? buildRule(preset, seriesStart, until) : event.rrule;
      const shift = (dates: readonly string[] | undefined) => (dates ?? []).map((d) => new Date(Date.parse(d) + delta).toISOString());
      await this.update(event.id, { start: seriesStart.toISOString(), end: seriesEnd.toISOString(), allDay, rrule, exdates: shift(event.exdates), rdates: shift(event.rdates) });
      return event.id;
    }
    return this.db.transaction('rw', [this.db.events, this.db.outbox, this.db.syncState], async () => {
      await this.excludeOccurrence(event.id, occurrence.originalStart);
      const { id: _id, provinceCode: _p, deleted: _d, createdAt: _c, updatedAt: _u, _stamps, searchTokens: _s, ...content } = event;
      const single = await this.create({ ...content, icsUid: null, start: start.toISOString(), end: end.toISOString(), allDay, rrule: null, exdates: [], rdates: [], timeZone: null }, workScope);
      return single.id;
    });
  }

  /** Deletes one instance of a series: an exception (EXDATE) on the series. */
  async excludeOccurrence(id: string, originalStart: Date): Promise<void> {
    const event = await this.db.events.get(id);
    if (!event) throw new Error(`events ${id} does not exist`);
    const iso = originalStart.toISOString();
    if (!event.exdates.includes(iso)) await this.update(id, { exdates: [...event.exdates, iso].sort() });
  }

  /**
   * Sorts parsed activities into new ones, ones already here that the file changes (found by
   * UID, or by the record id in our own export's UID) and ones already here unchanged, without
   * writing anything.
   */
  async previewImport(activities: readonly IcsActivity[]): Promise<ImportPreview> {
    const onDevice = await this.recordsByUid(activities.map((a) => a.uid));
    const preview: ImportPreview = { fresh: [], updates: [], unchanged: [] };
    const seen = new Set<string>();
    for (const activity of activities) {
      if (seen.has(activity.uid)) continue;
      seen.add(activity.uid);
      const existing = onDevice.get(activity.uid);
      if (!existing) {
        preview.fresh.push(activity);
        continue;
      }
      const changed = changedFields(existing, activity);
      if (changed.length > 0) preview.updates.push({ activity, id: existing.id, changed });
      else preview.unchanged.push(activity);
    }
    return preview;
  }

  /**
   * Writes an import in one transaction: the new activities and the changes to those already
   * here, all of them or, if any write fails validation, none. What is new or changed is worked
   * out again inside the transaction. Progress is reported between chunks of writes.
   */
  importActivities(activities: readonly IcsActivity[], scope: WorkScope, onProgress?: (done: number, total: number) => void): Promise<{ created: number; updated: number; unchanged: number }> {
    return this.db.transaction('rw', [this.db.events, this.db.outbox, this.db.syncState], async () => {
      const { fresh, updates, unchanged } = await this.previewImport(activities);
      const total = fresh.length + updates.length;
      const now = new Date();
      const records: CalendarEvent[] = fresh.map(({ uid, fieldsInFile: _fields, ...content }) => ({ ...content, icsUid: uid, ...newRecordEnvelope(scope.provinceCode, scope.districtCode, now) }));
      let done = 0;
      for (let at = 0; at < records.length; at += IMPORT_CHUNK) {
        const chunk = records.slice(at, at + IMPORT_CHUNK);
        await this.writer.createMany('events', chunk);
        onProgress?.((done += chunk.length), total);
      }
      for (const { activity, id, changed } of updates) {
        await this.update(id, Object.fromEntries(changed.map((f) => [f, activity[f]])) as EventPatch);
        if (++done % IMPORT_CHUNK === 0 || done === total) onProgress?.(done, total);
      }
      return { created: fresh.length, updated: updates.length, unchanged: unchanged.length };
    });
  }

  /** The live records the UIDs name: imported with that UID, or (our own export) with that id. */
  private async recordsByUid(uids: readonly string[]): Promise<Map<string, LocalRecord<'events'>>> {
    const found = new Map<string, LocalRecord<'events'>>();
    const unique = [...new Set(uids)];
    const byUid = await this.db.events.where('icsUid').anyOf(unique).toArray();
    // Oldest first, so a UID imported twice (before imports updated by UID) updates the first.
    for (const e of byUid.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) if (!e.deleted && e.icsUid && !found.has(e.icsUid)) found.set(e.icsUid, e);
    const own = unique.flatMap((uid) => {
      const id = found.has(uid) ? null : recordIdOfUid(uid);
      return id ? [{ uid, id }] : [];
    });
    const records = own.length > 0 ? await this.db.events.bulkGet(own.map((o) => o.id)) : [];
    own.forEach(({ uid }, i) => {
      const record = records[i];
      if (record && !record.deleted) found.set(uid, record);
    });
    return found;
  }

  /** Activities with at least one occurrence in [from, to), as records, for export and print. */
  async recordsBetween(from: Date, to: Date): Promise<LocalRecord<'events'>[]> {
    return this.between(from, to);
  }

  /** News items written about an activity (drafts included). */
  linkedNews(eventId: string): Promise<LocalRecord<'news'>[]> {
    return this.db.news.filter((n) => !n.deleted && n.eventId === eventId).toArray();
  }
}
