import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { desk } from '../../bridge/desk-bridge';
import { useTranslate } from '../../app/use-translate';
import type { LocalRecord } from '../../db/local-record';
import { MAX_INPUT_BYTES, PHOTO_EXTENSIONS, preparePhotos } from '../photos/photo-preparation';
import { useRosterActor, useRosterData } from './use-roster-data';

/** The person's photo: shown from the device's blob, replaced through the file picker (main's dialog in the desktop app). */
export function PersonPhoto({ person }: { person: LocalRecord<'members'> }) {
  const t = useTranslate();
  const { people } = useRosterData();
  const actor = useRosterActor();
  const blob = useLiveQuery(() => people.photoOf(person), [people, person.photoAttachmentId]);
  const url = useObjectUrl(blob ?? null);
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'error'; text: string }>({ kind: 'idle' });

  const pick = async () => {
    const picked = await desk.openFiles({ filters: [{ name: t('roster.photo.filter'), extensions: PHOTO_EXTENSIONS }], multiple: false, maxBytesPerFile: MAX_INPUT_BYTES });
    if (!picked.ok) return setState({ kind: 'error', text: picked.error.message });
    const file = picked.value[0];
    if (!file) return;
    setState({ kind: 'busy' });
    const prepared = await preparePhotos([{ name: file.name, data: file.data }], () => {});
    if (!prepared.ok) return setState({ kind: 'error', text: t(`roster.photo.${prepared.problem.kind}`, { name: prepared.problem.name }) });
    try {
      await people.setPhoto(person.id, prepared.photos[0]!, actor);
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'error', text: t('common.error', { message: (error as Error).message }) });
    }
  };

  return (
    <div className="person-photo">
      {url ? <img src={url} alt={t('roster.photo.alt')} data-testid="person-photo" /> : <div className="person-photo-empty">{person.photoAttachmentId ? t('roster.photo.pending') : t('roster.photo.none')}</div>}
      <button type="button" className="button secondary" onClick={() => void pick()} disabled={state.kind === 'busy'}>
        {person.photoAttachmentId ? t('roster.photo.replace') : t('roster.photo.add')}
      </button>
      {state.kind === 'error' && (
        <p className="message error" role="alert">
          {state.text}
        </p>
      )}
    </div>
  );
}

function useObjectUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}
