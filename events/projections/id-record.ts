/**
 * Entries by id in a record without a prototype, so that an id such as "constructor" or
 * "__proto__" is an ordinary key and never reads an inherited property.
 */
export type IdRecord<T> = Readonly<Record<string, T>>;

export function emptyIdRecord<T>(): IdRecord<T> {
  return Object.create(null) as IdRecord<T>;
}

/** A copy of the record with one entry added or replaced; the input is left as it was. */
export function withEntry<T>(record: IdRecord<T>, id: string, value: T): IdRecord<T> {
  return Object.assign(Object.create(null) as Record<string, T>, record, { [id]: value });
}
