// How personal contact details read where nobody needs them whole (issue 14): the sync screens (conflicts,
// refused changes) show enough to tell two values apart, as the roster lists do with national IDs (the last
// four digits). Phones read as the roster lists show them; e-mail addresses and LINE IDs, which the lists never
// show, keep their first letters and the mail domain only. The person page shows them whole to whoever may
// edit the person.

const HIDDEN = '•••';

/** "s•••@example.go.th". */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskLineId(value);
  return `${[...value.slice(0, at)][0]}${HIDDEN}${value.slice(at)}`;
}

/** "so•••": the first two letters of a LINE ID longer than four, else nothing of it. */
export function maskLineId(value: string): string {
  const letters = [...value.trim()];
  return letters.length > 4 ? `${letters.slice(0, 2).join('')}${HIDDEN}` : HIDDEN;
}
