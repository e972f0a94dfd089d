/**
 * Shared parts of the fuzz suite: the arbitraries (malformed bodies, huge strings, wrong types, NaN/Infinity,
 * unicode oddities, SQL and path fragments, huge numbers), the refusal check and the database fingerprint that
 * proves a refused request wrote nothing.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { HubDatabase } from '../../../hub/db/database.js';
import { sql } from '../../../hub/db/sql.js';

export const NASTY = [
  "'; DROP TABLE cases; --",
  "' OR 1=1 --",
  '../../../../etc/passwd',
  '..%2f..%2fhub.sqlite',
  '/dev/zero',
  '\u0000',
  '\uD800',
  '\u202E美国',
  '\uFEFF',
  'e\u0301',
  '🏮'.repeat(50),
  'NaN',
  'Infinity',
  '-1e309',
  '1e400',
  '9007199254740993',
  '<script>alert(1)</script>',
  '%00',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  'x'.repeat(70_000),
] as const;
export const nasty = fc.constantFrom(...NASTY);

/** Numbers a schema might not expect: huge, negative, fractional, not finite (JSON writes the last as null). */
export const oddNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 53 + 1, 1e308, -1),
  fc.double(),
  fc.integer(),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => Number(n)),
);

export const weird = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  nasty,
  oddNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

/** Instants before 1970 and after 2100, as epoch ms and as ISO text. */
export const farDates = fc.oneof(
  fc.integer({ min: -8.64e15, max: -1 }),
  fc.integer({ min: 4_102_444_800_000, max: 8.64e15 }),
  fc.constantFrom('1969-12-31T23:59:59Z', '0001-01-01', '2100-01-02', '9999-12-31T23:59:59+08:00', '+275760-09-13'),
  fc
    .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
    .filter((d) => d.getTime() < 0 || d.getTime() > 4_102_444_800_000)
    .map((d) => d.toISOString()),
);

/** The top-level keys a zod schema names (objects, and the options of unions), so fuzzed bodies look close to real. */
export function schemaKeys(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; options?: unknown[]; def?: { innerType?: unknown } };
  if (s?.shape) return Object.keys(s.shape);
  if (Array.isArray(s?.options)) return [...new Set(s.options.flatMap(schemaKeys))];
  if (s?.def?.innerType) return schemaKeys(s.def.innerType);
  return [];
}

/** A body for a schema: its keys with odd values (some kept, one extra), or anything at all. */
export function bodyFor(schema: unknown, values: fc.Arbitrary<unknown> = weird): fc.Arbitrary<unknown> {
  const keys = schemaKeys(schema);
  const shaped =
    keys.length === 0
      ? fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), nasty), values, { maxKeys: 3 })
      : fc
          .tuple(fc.subarray(keys), fc.dictionary(fc.constantFrom(...keys, 'extra'), values, { maxKeys: 4 }))
          .map(([kept, dict]) => ({ ...Object.fromEntries(kept.map((k) => [k, null])), ...dict }));
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything() });
}

export interface Answer {
  status: number;
  body: { error?: { code: string; message: string } } | null;
}

/** A clean refusal: a 4xx with `{ error: { code, message } }` (431 is Node's parser refusing a huge URL). */
export function expectRefusal(res: Answer, what: string): void {
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  if (res.status === 431) return;
  expect(res.body?.error, what).toEqual(
    expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
  );
}

/** Row counts of every table plus the change feed's top sequence: equal before and after = nothing written. */
export function fingerprint(db: HubDatabase): Record<string, number> {
  const tables = db
    .all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .map((t) => t.name)
    // Sessions' last-seen and the map's answer cache move on reads; they are not writes a request asked for.
    .filter((name) => !/^map_chunk|_cache$/.test(name));
  const print: Record<string, number> = {};
  for (const name of tables) {
    print[name] = db.raw.prepare(`SELECT count(*) AS n FROM "${name}"`).pluck().get() as number;
  }
  // A refused login is recorded in the admin audit on purpose (failed logins with the client address, issue 13);
  // every other admin-audit row is a write like any other.
  if ('admin_audit' in print) {
    print.admin_audit = db.raw
      .prepare(`SELECT count(*) AS n FROM admin_audit WHERE action <> 'login.failed'`)
      .pluck()
      .get() as number;
  }
  print.maxChangeSeq = db.get<{ s: number | null }>(sql`SELECT max(seq) AS s FROM case_changes`)?.s ?? 0;
  return print;
}

/** encodeURIComponent, or null for strings no URL can carry (lone surrogates). */
export function encodable(value: string): string | null {
  try {
    return encodeURIComponent(value);
  } catch {
    return null;
  }
}
