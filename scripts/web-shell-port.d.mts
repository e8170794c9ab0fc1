// Types for web-shell-port.mjs (plain .mjs: start-web.mjs runs without a TypeScript loader).
export const DEFAULT_WEB_SHELL_PORT: number;
export function webShellPort(env?: NodeJS.ProcessEnv): number;
export function webShellOrigins(port: number): string[];
