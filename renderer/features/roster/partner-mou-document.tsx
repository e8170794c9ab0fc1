import { useState } from 'react';
import { documentMimeOf } from '../../../shared/roster/document-type';
import { desk } from '../../bridge/desk-bridge';
import { useTranslate } from '../../app/use-translate';
import type { LocalRecord } from '../../db/local-record';
import { FormMessageText, type FormMessage } from './form-parts';
import { useRosterData } from './use-roster-data';

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Attach the signed MOU to a partner, and save a copy of it. */
export function PartnerMouDocument({ partner }: { partner: LocalRecord<'partners'> }) {
  const t = useTranslate();
  const { data } = useRosterData();
  const [message, setMessage] = useState<FormMessage | null>(null);

  const attach = async () => {
    const picked = await desk.openFiles({ filters: [{ name: t('roster.mou.filter'), extensions: ['pdf', 'jpg', 'jpeg', 'png'] }], multiple: false, maxBytesPerFile: MAX_DOCUMENT_BYTES });
    if (!picked.ok) return setMessage({ error: true, text: picked.error.message });
    const file = picked.value[0];
    if (!file) return;
    const mimeType = documentMimeOf(file.data);
    if (!mimeType) return setMessage({ error: true, text: t('roster.mou.notDocument', { name: file.name }) });
    try {
      await data.roster.setMouDocument(partner.id, { fileName: file.name, mimeType, bytes: file.data, width: null, height: null });
      setMessage({ error: false, text: t('roster.mou.attached', { name: file.name }) });
    } catch (error) {
      setMessage({ error: true, text: t('common.error', { message: (error as Error).message }) });
    }
  };

  const save = async () => {
    const file = partner.mouAttachmentId ? await data.roster.attachmentFile(partner.mouAttachmentId) : null;
    if (!file) return setMessage({ error: true, text: t('roster.mou.notHere') });
    const result = await desk.saveFile({ suggestedName: file.fileName, filters: [], data: new Uint8Array(await file.data.arrayBuffer()) });
    if (!result.ok) setMessage({ error: true, text: t('common.error', { message: result.error.message }) });
  };

  return (
    <div className="roster-actions">
      {partner.mouAttachmentId && (
        <button type="button" className="button secondary" onClick={() => void save()}>
          {t('roster.mou.save')}
        </button>
      )}
      <button type="button" className="button secondary" onClick={() => void attach()}>
        {partner.mouAttachmentId ? t('roster.mou.replace') : t('roster.mou.attach')}
      </button>
      <FormMessageText message={message} />
    </div>
  );
}
