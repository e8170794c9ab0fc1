/**
 * Messages of the calendar screens, Thai first (the default) and English. Registered in
 * renderer/app/i18n/catalogue.ts; keys are prefixed 'calendar.' by convention.
 */
export const calendarMessagesTh = {} as const;

export const calendarMessagesEn: Record<keyof typeof calendarMessagesTh, string> = {};
