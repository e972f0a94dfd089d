import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { inSubtree, sql, sqlJoin } from '../../hub/db/sql.js';

describe('sql tagged template', () => {
  it('binds values as parameters, so quotes in input cannot change the query', () => {
    const name = "x'; DROP TABLE t; --";
    const q = sql`SELECT * FROM t WHERE name = ${name} AND n > ${3}`;
    expect(q.text).toBe('SELECT * FROM t WHERE name = ? AND n > ?');
    expect(q.params).toEqual([name, 3]);
  });

  it('nests and joins fragments with their parameters in order', () => {
    const where = sqlJoin([sql`a = ${1}`, sql`b = ${'two'}`], ' AND ');
    const q = sql`SELECT 1 WHERE ${where} LIMIT ${5}`;
    expect(q.text).toBe('SELECT 1 WHERE a = ? AND b = ? LIMIT ?');
    expect(q.params).toEqual([1, 'two', 5]);
  });

  it('selects a subtree by code range, using the primary-key index', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE u (code TEXT PRIMARY KEY)');
    const codes = ['431099', '431099001', '431099001001', '431099001001001', '431099002', '431099002001', '431099003'];
    for (const c of codes) db.prepare('INSERT INTO u VALUES (?)').run(c);
    const q = sql`SELECT code FROM u WHERE ${inSubtree(sql`code`, '431099001')} ORDER BY code`;
    const rows = db.prepare(q.text).all(...q.params) as Array<{ code: string }>;
    expect(rows.map((r) => r.code)).toEqual(['431099001', '431099001001', '431099001001001']);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.params) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX/);
    db.close();
  });
});
