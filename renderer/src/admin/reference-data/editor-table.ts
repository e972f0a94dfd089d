/** What the two editors' tables share: compact rows keyed by code, all on one scrolling page. */
export const EDITOR_TABLE = { size: 'small', rowKey: 'key', pagination: false, scroll: { y: 520 } } as const;
