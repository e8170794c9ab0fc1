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
  writeLocalBackup: 'desk:local-backup-write',
  listLocalBackups: 'desk:local-backups-list',
  readLocalBackup: 'desk:local-backup-read',
  getUpdateStatus: 'desk:update-status',
  checkForUpdates: 'desk:update-check',
  installUpdate: 'desk:update-install',
  saveDiagnostics: 'desk:diagnostics-save',
  blobStatus: 'desk:blob-status',
  blobUpload: 'desk:blob-upload',
  blobDownload: 'desk:blob-download',
  readyToClose: 'desk:ready-to-close',
  osKeyStore: 'desk:os-key-store',
  sealSecret: 'desk:secret-seal',
  openSecret: 'desk:secret-open',
  wipeLocalFiles: 'desk:wipe-local-files',
} as const;

export const DESK_EVENT_CHANNEL = 'desk:event' as const;
