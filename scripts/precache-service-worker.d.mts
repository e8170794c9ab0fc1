// Types for precache-service-worker.mjs (plain .mjs, as vite.config.ts's other helpers).
import type { Plugin } from 'vite';

export const SERVICE_WORKER_FILE: string;
export function precacheServiceWorker(): Plugin;
