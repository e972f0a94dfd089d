/** The English catalogues are typed against the Chinese ones: same keys, string leaves. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };
