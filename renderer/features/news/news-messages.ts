/**
 * Messages of the news screens, Thai first (the default) and English. Registered in
 * renderer/app/i18n/catalogue.ts; keys are prefixed 'news.' by convention.
 */
export const newsMessagesTh = {} as const;

export const newsMessagesEn: Record<keyof typeof newsMessagesTh, string> = {};
