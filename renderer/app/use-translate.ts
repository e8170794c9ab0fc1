import { useMemo } from 'react';
import { createTranslate, type Translate } from './i18n/translate';
import { useSession } from './session-store';

export function useTranslate(): Translate {
  const language = useSession((s) => s.settings.language);
  return useMemo(() => createTranslate(language), [language]);
}
