/** The text of a person that search covers: names, phone and the last digits of the ID. */
export function memberSearchText(row: { title?: unknown; firstName?: unknown; lastName?: unknown; phone?: unknown; nationalId?: unknown }): string {
  const id = typeof row.nationalId === 'string' ? row.nationalId.slice(-4) : '';
  return [row.firstName, row.lastName, row.phone, id].filter((s) => typeof s === 'string' && s).join(' ');
}
