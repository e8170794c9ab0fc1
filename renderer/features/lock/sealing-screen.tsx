import { useTranslate } from '../../app/use-translate';
import type { SealingProgress } from '../../db/at-rest/seal-existing-rows';

/** While rows stored before encryption at rest are sealed (once, after the update that brought it; issue 14). */
export function SealingScreen({ progress }: { progress: SealingProgress | null }) {
  const t = useTranslate();
  const seen = progress?.seen ?? 0;
  const total = progress?.total ?? 0;
  return (
    <main className="fatal lock-screen" aria-labelledby="sealing-title" data-testid="at-rest-sealing">
      <h1 id="sealing-title">{t('lock.sealing.title')}</h1>
      <p>{t('lock.sealing.lead')}</p>
      <progress max={Math.max(total, 1)} value={seen} aria-labelledby="sealing-title" />
      <p role="status">{t('lock.sealing.progress', { seen: seen.toLocaleString('th-TH'), total: total.toLocaleString('th-TH') })}</p>
    </main>
  );
}
