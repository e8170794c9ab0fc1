// Types for build-electron.mjs (a plain .mjs so the build needs no TypeScript loader).
export function releaseUpdateUrl(env?: NodeJS.ProcessEnv): string | null;
export function buildElectron(options?: { root?: string; logLevel?: string; env?: NodeJS.ProcessEnv }): Promise<unknown>;
