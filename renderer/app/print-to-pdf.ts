import { desk } from '../bridge/desk-bridge';
import { createTranslate } from './i18n/translate';
import { useNotices } from './notice-store';
import { useSession } from './session-store';

/**
 * Prints the current screen to PDF: through main's printToPDF and a save dialog in the desktop
 * app, the browser's print dialog in the browser shell. What shows on paper is the screen's
 * print stylesheet.
 */
export async function printToPdf(suggestedName: string): Promise<void> {
  const t = createTranslate(useSession.getState().settings.language);
  const result = await desk.printToPdf({ suggestedName: `${suggestedName.replace(/[\\/:*?"<>|]+/g, ' ').trim().slice(0, 120) || 'ProvinceDesk'}.pdf` });
  if (!result.ok) useNotices.getState().show(t('common.error', { message: result.error.message }), 'error');
  else if (result.value.saved) useNotices.getState().show(t('common.savedAs', { name: result.value.fileName }));
}
