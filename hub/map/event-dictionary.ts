/**
 * The small integers of the map's `categories` column: each event's grade, major category, status and source as an
 * index into fixed lists. The lists travel in every answer's dictionary, so the renderer never assumes an order;
 * their fingerprint is stored with every chunk, so a new taxonomy or status makes old chunk bytes rebuild.
 */
import { createHash } from 'node:crypto';
import { CASE_GRADES, CASE_SOURCES, CASE_STATUSES } from '../../common/cases.js';
import type { MapEventsDictionary } from '../../common/map-events-format.js';
import type { Taxonomy } from '../../common/taxonomy.js';

/** Stands for a category code the taxonomy does not know (an old import), so the event still shows. */
export const UNKNOWN_MAJOR = '??';

export interface EventCoding {
  readonly lists: Omit<MapEventsDictionary, 'grids'>;
  readonly fingerprint: string;
  readonly grade: ReadonlyMap<string, number>;
  readonly major: ReadonlyMap<string, number>;
  readonly status: ReadonlyMap<string, number>;
  readonly source: ReadonlyMap<string, number>;
  readonly unknownMajor: number;
}

const indexOf = (list: readonly string[]) => new Map(list.map((value, i) => [value, i]));

const codings = new WeakMap<Taxonomy, EventCoding>();

export function eventCoding(taxonomy: Taxonomy): EventCoding {
  let coding = codings.get(taxonomy);
  if (!coding) {
    const lists = {
      grades: [...CASE_GRADES],
      majors: [...taxonomy.categories.map((major) => major.code), UNKNOWN_MAJOR],
      statuses: [...CASE_STATUSES],
      sources: [...CASE_SOURCES],
    };
    // The GPU filter keeps one 32-bit mask per column.
    for (const list of Object.values(lists)) if (list.length > 32) throw new Error('map: over 32 values in a column');
    coding = {
      lists,
      fingerprint: createHash('sha256').update(JSON.stringify(lists)).digest('hex').slice(0, 16),
      grade: indexOf(lists.grades),
      major: indexOf(lists.majors),
      status: indexOf(lists.statuses),
      source: indexOf(lists.sources),
      unknownMajor: lists.majors.length - 1,
    };
    codings.set(taxonomy, coding);
  }
  return coding;
}
