// Thai dictionary order. Code-point order is wrong for Thai: leading vowels (เ แ โ ใ ไ) are written
// before the consonant they follow in speech, so "เก" must sort under ก, not after ฮ.

export const thaiCollator = new Intl.Collator('th');

export function compareThai(a: string, b: string): number {
  return thaiCollator.compare(a, b);
}

export interface PersonName {
  firstName: string;
  lastName: string;
}

/** Thai rosters are ordered by given name, then family name. */
export function comparePersonNames(a: PersonName, b: PersonName): number {
  return compareThai(a.firstName, b.firstName) || compareThai(a.lastName, b.lastName);
}

type StringKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/** A sorted copy (stable, the input is left alone), by a string property or a function of the item. */
export function sortByThai<T>(items: readonly T[], key: StringKey<T> | ((item: T) => string)): T[] {
  const textOf = typeof key === 'function' ? key : (item: T) => item[key] as string;
  return [...items].sort((a, b) => compareThai(textOf(a), textOf(b)));
}
