/**
 * Messages of the roster screens, Thai first (the default) and English. Registered in
 * renderer/app/i18n/catalogue.ts; keys are prefixed 'roster.' by convention.
 */
export const rosterMessagesTh = {} as const;

export const rosterMessagesEn: Record<keyof typeof rosterMessagesTh, string> = {};
