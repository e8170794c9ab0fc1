/** Where a long backup or restore is, for the progress bar: `done` of `total` rows in this phase. */
export interface BackupProgress {
  phase: 'export' | 'check' | 'import' | 'replace';
  done: number;
  total: number;
}

export type OnBackupProgress = (progress: BackupProgress) => void;
