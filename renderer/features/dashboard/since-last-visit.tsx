import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useDeskData } from '../../app/desk-data-context';
import { useDateFormat } from '../../app/use-date-format';
import { useNavigation } from '../../app/navigation-store';
import { useSession } from '../../app/session-store';
import { useThaiAmphoes } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import { markStart } from '../../app/start-marks';
import type { MessageKey } from '../../app/i18n/translate';
import { ARRIVAL_KINDS, type ArrivalKind, type ArrivalRow } from '../../db/overview/arrivals';
import type { SeenMark } from '../../db/overview/overview-repository';
import { useOverviewRepository, useOverviewScope } from './use-overview';

/** Without a mark (the first visit on this PC), "since last time" means the last week. */
const FIRST_VISIT_DAYS = 7;

/**
 * The mark each user's overview counts from in this app session: read once, when the overview is first
 * opened, so the lines stay while the user follows them one by one and comes back.
 */
const sessionMarks = new Map<string, Promise<SeenMark | null>>();

function useSessionMark(userId: string): SeenMark | null | undefined {
  const overview = useOverviewRepository();
  const [mark, setMark] = useState<SeenMark | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    let found = sessionMarks.get(userId);
    if (!found) {
      found = overview.seenMark(userId);
      sessionMarks.set(userId, found);
    }
    void found.then((m) => alive && setMark(m));
    return () => {
      alive = false;
      // Leaving the overview: what is on it now has been seen (by the next session's count).
      void overview.markSeen(userId).catch(() => undefined);
    };
  }, [overview, userId]);
  return mark;
}

interface KindGroup {
  kind: ArrivalKind;
  lines: ArrivalRow[];
  count: number;
}

function groupByKind(rows: readonly ArrivalRow[]): KindGroup[] {
  const groups = new Map<ArrivalKind, KindGroup>();
  for (const row of rows) {
    let group = groups.get(row.kind);
    if (!group) groups.set(row.kind, (group = { kind: row.kind, lines: [], count: 0 }));
    group.lines.push(row);
    group.count += row.count;
  }
  return ARRIVAL_KINDS.map((k) => groups.get(k)).filter((g): g is KindGroup => g !== undefined);
}

/** "โดย สมศรี (2), สมชาย (1)": who the lines of a kind name, most first. */
function whoSummary(lines: readonly ArrivalRow[]): string {
  const byWho = new Map<string, number>();
  for (const l of lines) if (l.who) byWho.set(l.who, (byWho.get(l.who) ?? 0) + l.count);
  return [...byWho].sort((a, b) => b[1] - a[1]).map(([who, n]) => `${who} (${n.toLocaleString('th-TH')})`).join(', ');
}

/** ตั้งแต่ครั้งก่อนที่คุณเข้ามา: what other people's changes brought, by kind and by who, each line a link. */
export function SinceLastVisit() {
  const t = useTranslate();
  const { db } = useDeskData();
  const overview = useOverviewRepository();
  const { scope } = useOverviewScope();
  const userId = useSession((s) => s.author.userId);
  const navigate = useNavigation((s) => s.navigate);
  const places = useThaiAmphoes();
  const { shortDate, time } = useDateFormat();
  const mark = useSessionMark(userId);

  const view = useLiveQuery(async () => {
    if (mark === undefined) return undefined;
    const since = mark?.at ?? new Date(Date.now() - FIRST_VISIT_DAYS * 86_400_000).toISOString();
    const arrivals = (await overview.arrivalsAfter(scope, mark?.seq ?? 0)).filter((a) => mark !== null || a.at >= since);
    const refused = (await overview.rejectedChanges()).filter((r) => r.at >= since);
    const conflicts = (await overview.openConflicts(scope)).filter((c) => c.createdAt >= since);
    return { since, groups: groupByKind(arrivals), refused: refused.length, conflicts: conflicts.length };
  }, [overview, scope, mark]);
  if (view !== undefined) markStart('since-last-visit-read');

  const open = async (row: ArrivalRow) => {
    if (row.kind === 'news-submitted' || row.kind === 'news-published') {
      if (row.recordId) navigate('news', 'edit', row.recordId);
      else navigate('news');
    } else if (row.kind === 'event-added' || row.kind === 'event-moved') {
      if (row.recordId) navigate('calendar', 'event', row.recordId);
      else navigate('calendar');
    } else if (row.kind === 'centre-added' && row.recordId) {
      const centre = await db.centres.get(row.recordId);
      if (centre) navigate('roster', 'tambon', centre.tambonCode);
      else navigate('roster');
    } else if (row.districtCode) navigate('roster', 'amphoe', row.districtCode);
    else navigate('roster');
  };

  if (!view) return <p className="muted">{t('common.loading')}</p>;
  const nothing = view.groups.length === 0 && view.refused === 0 && view.conflicts === 0;
  const since = new Date(view.since);
  return (
    <>
      <p className="muted">{t(mark ? 'overview.since.from' : 'overview.since.firstVisit', { date: `${shortDate(since)} ${time(since)}`, days: FIRST_VISIT_DAYS })}</p>
      {nothing ? (
        <p>{t('overview.since.nothing')}</p>
      ) : (
        <ul className="overview-lines" data-testid="since-last-visit">
          {view.groups.map((group) => (
            <li key={group.kind}>
              <strong>{t(`overview.arrival.${group.kind}` as MessageKey, { count: group.count })}</strong>
              {whoSummary(group.lines) && <span className="muted"> — {t('overview.by', { who: whoSummary(group.lines) })}</span>}
              <ul>
                {group.lines.slice(0, 5).map((line) => (
                  <li key={line.seq}>
                    <a
                      href="#/"
                      onClick={(e) => {
                        e.preventDefault();
                        void open(line);
                      }}
                    >
                      {line.recordId ? line.title || t('overview.untitled') : t(`overview.arrival.${line.kind}` as MessageKey, { count: line.count })}
                    </a>
                    {line.districtCode && places?.amphoe(line.districtCode) && <span className="muted"> · {t('overview.amphoe', { name: places.amphoe(line.districtCode)!.nameTh })}</span>}
                  </li>
                ))}
                {group.lines.length > 5 && <li className="muted">{t('overview.andMore', { count: group.lines.length - 5 })}</li>}
              </ul>
            </li>
          ))}
          {view.refused > 0 && (
            <li>
              <a href="#/sync" onClick={(e) => (e.preventDefault(), navigate('sync'))}>
                {t('overview.since.refused', { count: view.refused })}
              </a>
            </li>
          )}
          {view.conflicts > 0 && (
            <li>
              <a href="#/sync/conflicts" onClick={(e) => (e.preventDefault(), navigate('sync', 'conflicts'))}>
                {t('overview.since.conflicts', { count: view.conflicts })}
              </a>
            </li>
          )}
        </ul>
      )}
    </>
  );
}
