/**
 * IPC channel names of the desk API, free of zod so the sandboxed preload bundle stays small
 * (it needs the names, not the schemas; main validates every argument).
 */
export const DESK_CHANNELS = {
  appInfo: 'desk:app-info',
  getSettings: 'desk:settings-get',
  updateSettings: 'desk:settings-update',
  saveFile: 'desk:file-save',
  openFiles: 'desk:files-open',
  syncRequest: 'desk:sync-request',
  signIn: 'desk:sync-sign-in',
  signOut: 'desk:sync-sign-out',
  getSession: 'desk:sync-session',
  printToPdf: 'desk:print-to-pdf',
} as const;

export const DESK_EVENT_CHANNEL = 'desk:event' as const;
