/**
 * The closed list of error codes: each has its HTTP status, an error takes it from the table, and no message in
 * hub/, main/, node-shared/ or common/ is bilingual prose any more (the UI words refusals by code and params).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_STATUS, GridCommandError, isErrorCode } from '../../common/errors.js';
import { ApiErrorBody } from '../../common/schemas.js';

const root = new URL('../..', import.meta.url).pathname;
const sourceFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : [],
  );
const code = (path: string) =>
  readFileSync(join(root, path), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line));

describe('error codes', () => {
  it('gives every code a 4xx/5xx status, and errors take theirs from the table', () => {
    for (const c of ERROR_CODES) expect(ERROR_STATUS[c]).toBeGreaterThanOrEqual(400);
    expect(new GridCommandError('overloaded', 'busy', undefined, undefined, { retryAfterSeconds: 1 })).toMatchObject({
      status: 503,
      retryAfterSeconds: 1,
    });
    expect(new GridCommandError('reason_required', 'x').status).toBe(400);
    expect(new GridCommandError('bad_request', 'x', undefined, 415).status).toBe(415);
  });

  it('lists the codes the hub and the consoles answer with', () => {
    const used = new Set<string>();
    for (const path of ['hub', 'main', 'common', 'node-shared', 'preload'].flatMap(sourceFiles)) {
      for (const line of code(path)) {
        for (const m of line.matchAll(/GridCommandError\(\s*'(\w+)'/g)) used.add(m[1]!);
        for (const m of line.matchAll(/error: \{ code: '(\w+)'/g)) used.add(m[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((c) => !isErrorCode(c))).toEqual([]);
  });

  it('carries structured params in the error body, and refuses an unlisted code', () => {
    const body = { error: { code: 'conflict', message: 'full', field: 'name', params: { limit: 200 } } };
    expect(ApiErrorBody.parse(body)).toEqual(body);
    expect(ApiErrorBody.safeParse({ error: { code: 'made_up', message: 'x' } }).success).toBe(false);
  });

  it('leaves no bilingual "中文 / English" prose in the hub, the console or common/', () => {
    // No exceptions: machine-written history notes are codes and monitors are named by the console itself.
    const bilingual = /[\u4e00-\u9fff][^'`"]* \/ [A-Za-z]/;
    const found = ['hub', 'main', 'common', 'node-shared']
      .flatMap(sourceFiles)
      .flatMap((path) => code(path).map((line, i) => ({ path, i, line })))
      .filter(({ line }) => bilingual.test(line))
      .map(({ path, i }) => `${path}:${i}`);
    expect(found).toEqual([]);
  });
});
