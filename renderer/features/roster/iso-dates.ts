/** 'YYYY-MM-DD' (stored, CE) → a local Date for the BE formatters. */
export function dateOfIso(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}
