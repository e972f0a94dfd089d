/**
 * The memory behind map answers: pooled bodies are reused once given back (never while lent), and a cached answer
 * is served only at the data version it was made at, its memory returned only when evicted and no longer sent.
 */
import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../hub/map/answer-cache.js';
import { BodyPool } from '../../hub/map/body-pool.js';

describe('body pool', () => {
  it('reuses a returned buffer for the next answer that fits, never one still lent', () => {
    const pool = new BodyPool(2);
    const a = pool.acquire(1000);
    const b = pool.acquire(1000);
    expect(a.body.buffer).not.toBe(b.body.buffer);
    a.release();
    a.release(); // idempotent
    const c = pool.acquire(2000);
    expect(c.body.buffer).toBe(a.body.buffer);
    expect(c.body.byteLength).toBe(2000);
    expect(pool.idleBytes).toBe(0);
    b.release();
    c.release();
    expect(pool.idleBytes).toBe(2 * 4 * 1024 * 1024);
  });

  it('keeps no more than it is allowed to', () => {
    const pool = new BodyPool(1, 8 * 1024 * 1024);
    const leases = [pool.acquire(10), pool.acquire(10), pool.acquire(20 * 1024 * 1024)];
    leases.forEach((lease) => lease.release());
    expect(pool.idleBytes).toBe(4 * 1024 * 1024);
  });
});

describe('answer cache', () => {
  const pool = new BodyPool(4);
  const answer = (bytes: number) => {
    const lease = pool.acquire(bytes);
    return { lease, answer: { body: lease.body, count: bytes } };
  };

  it('serves an answer only at the version it was made at', () => {
    const cache = new AnswerCache();
    const { lease, answer: made } = answer(100);
    cache.put('county', 7, made, lease);
    expect(cache.get('county', 7)?.body).toBe(made.body);
    expect(cache.get('township', 7)).toBeUndefined();
    expect(cache.get('county', 8)).toBeUndefined();
  });

  it('returns an evicted answer’s memory only once no reply is sending it', () => {
    const cache = new AnswerCache(1);
    let released = 0;
    const { lease, answer: made } = answer(100);
    const entry = cache.put('a', 1, made, { body: lease.body, release: () => (released += 1) });
    const done = cache.borrow(entry);
    const next = answer(100);
    cache.put('b', 1, next.answer, next.lease); // evicts 'a' while it is being sent
    expect(released).toBe(0);
    done();
    done();
    expect(released).toBe(1);
  });
});
