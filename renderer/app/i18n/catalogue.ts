import { backupMessagesEn, backupMessagesTh } from '../../features/backup/backup-messages';
import { calendarMessagesEn, calendarMessagesTh } from '../../features/calendar/calendar-messages';
import { editingMessagesEn, editingMessagesTh } from '../../features/editing/editing-messages';
import { dashboardMessagesEn, dashboardMessagesTh } from '../../features/dashboard/dashboard-messages';
import { lockMessagesEn, lockMessagesTh } from '../../features/lock/lock-messages';
import { newsMessagesEn, newsMessagesTh } from '../../features/news/news-messages';
import { reportsMessagesEn, reportsMessagesTh } from '../../features/reports/reports-messages';
import { rosterMessagesEn, rosterMessagesTh } from '../../features/roster/roster-messages';
import { syncMessagesEn, syncMessagesTh } from '../../features/sync/sync-messages';
import { messagesEn } from './messages-en';
import { messagesTh } from './messages-th';

/**
 * Every message of the app: the shell's, then each feature's own catalogue, so features add
 * their texts without touching one shared file.
 */
export const catalogueTh = { ...messagesTh, ...newsMessagesTh, ...calendarMessagesTh, ...rosterMessagesTh, ...syncMessagesTh, ...backupMessagesTh, ...dashboardMessagesTh, ...reportsMessagesTh, ...editingMessagesTh, ...lockMessagesTh };
export type MessageKey = keyof typeof catalogueTh;
export const catalogueEn: Record<MessageKey, string> = { ...messagesEn, ...newsMessagesEn, ...calendarMessagesEn, ...rosterMessagesEn, ...syncMessagesEn, ...backupMessagesEn, ...dashboardMessagesEn, ...reportsMessagesEn, ...editingMessagesEn, ...lockMessagesEn };
