// คำนำหน้า written in many ways; a full name may carry it glued to the first name ("นายสมชาย").
const TITLE_ALIASES: [RegExp, string][] = [
  [/^(?:นางสาว|น\.ส\.|นส\.)/, 'นางสาว'],
  [/^(?:นาง)/, 'นาง'],
  [/^(?:นาย)/, 'นาย'],
];

/** The canonical title for a typed one ("น.ส." → "นางสาว"); other titles (ดร., ว่าที่ ร.ต.) are kept as typed. */
export function canonicalTitle(title: string): string {
  const t = title.trim();
  for (const [pattern, canonical] of TITLE_ALIASES) if (pattern.test(t) && t.replace(pattern, '') === '') return canonical;
  return t;
}

/** "นายสมชาย ใจดี" → { title: 'นาย', firstName: 'สมชาย', lastName: 'ใจดี' }. */
export function splitFullName(fullName: string): { title: string; firstName: string; lastName: string } {
  let rest = fullName.trim().replace(/\s+/g, ' ');
  let title = '';
  for (const [pattern, canonical] of TITLE_ALIASES) {
    const match = pattern.exec(rest);
    if (match) {
      title = canonical;
      rest = rest.slice(match[0].length).trim();
      break;
    }
  }
  const [firstName = '', ...others] = rest.split(' ');
  return { title, firstName, lastName: others.join(' ') };
}
