/** A query object without its undefined fields (they would travel as the text "undefined"). */
export function definedOnly<T extends object>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as T;
}
