/**
 * Messages of the sync screens, Thai first (the default) and English. Registered in
 * renderer/app/i18n/catalogue.ts; keys are prefixed 'sync.' by convention.
 */
export const syncMessagesTh = {} as const;

export const syncMessagesEn: Record<keyof typeof syncMessagesTh, string> = {};
