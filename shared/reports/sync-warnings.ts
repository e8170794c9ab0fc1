// What a report must say about its data when the device is not in step with the central server:
// changes not yet synced (the office's totals differ from this PC's), or no sync for more than a day
// (others' work since is missing).
import { formatLongDate, formatTime } from '../thai/buddhist-era-date';
import { formatCount } from './report-document';

/** Older than this, a report's data is flagged: colleagues' work of the last day may be missing. */
export const STALE_SYNC_MS = 24 * 60 * 60 * 1000;

export interface SyncFacts {
  /** The moment the report's data was read. */
  dataMoment: Date;
  /** Local changes waiting to be pushed. */
  pendingChanges: number;
  lastSyncAt: Date | null;
}

export type SyncWarning = { kind: 'pending'; count: number } | { kind: 'never-synced' } | { kind: 'stale'; days: number; lastSyncAt: Date };

export function syncWarningKinds(facts: SyncFacts): SyncWarning[] {
  const out: SyncWarning[] = [];
  if (facts.pendingChanges > 0) out.push({ kind: 'pending', count: facts.pendingChanges });
  if (facts.lastSyncAt === null) out.push({ kind: 'never-synced' });
  else if (facts.dataMoment.getTime() - facts.lastSyncAt.getTime() > STALE_SYNC_MS) {
    out.push({ kind: 'stale', days: Math.floor((facts.dataMoment.getTime() - facts.lastSyncAt.getTime()) / 86_400_000), lastSyncAt: facts.lastSyncAt });
  }
  return out;
}

/** The warnings as the report prints them (Thai). */
export function syncWarnings(facts: SyncFacts): string[] {
  return syncWarningKinds(facts).map((w) => {
    switch (w.kind) {
      case 'pending':
        return `คำเตือน: เครื่องนี้มีการเปลี่ยนแปลง ${formatCount(w.count)} รายการที่ยังไม่ได้ซิงก์ขึ้นเซิร์ฟเวอร์กลาง ตัวเลขในรายงานอาจต่างจากข้อมูลของสำนักงาน`;
      case 'never-synced':
        return 'คำเตือน: เครื่องนี้ยังไม่เคยซิงก์กับเซิร์ฟเวอร์กลาง รายงานนี้มีเฉพาะข้อมูลที่บันทึกในเครื่องนี้';
      case 'stale':
        return `คำเตือน: ไม่ได้ซิงก์กับเซิร์ฟเวอร์กลางมาแล้ว ${formatCount(w.days)} วัน (ครั้งล่าสุด ${formatLongDate(w.lastSyncAt)} เวลา ${formatTime(w.lastSyncAt)}) งานของผู้อื่นหลังจากนั้นจะไม่อยู่ในรายงานนี้`;
    }
  });
}
