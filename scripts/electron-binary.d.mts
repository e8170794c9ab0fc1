// Types for electron-binary.mjs (a plain .mjs so `npm start` needs no TypeScript loader).
export type ElectronBinaryResult =
  | { ok: true; executablePath: string }
  | { ok: false; reason: 'not-installed' | 'not-downloaded' | 'missing-executable'; packageDir: string | null };

export function resolveElectronPackageDir(fromDir?: string): string | null;
export function findElectronBinary(options?: { packageDir?: string | null; env?: NodeJS.ProcessEnv }): ElectronBinaryResult;
export function explainMissingElectron(result: Extract<ElectronBinaryResult, { ok: false }>, env?: NodeJS.ProcessEnv): string;
