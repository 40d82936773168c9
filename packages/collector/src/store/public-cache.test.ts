import { describe, expect, it } from 'vitest';
import { createPublicCache } from './public-cache.js';

describe('public figures cache', () => {
  it('computes once for concurrent readers, again only after a commit bumped the survey', async () => {
    let now = 0;
    let computed = 0;
    const cache = createPublicCache({ freshMs: 1000, maxAgeMs: 60_000, now: () => now });
    const compute = async () => ++computed;
    const first = await Promise.all(Array.from({ length: 10 }, () => cache.get('s', 'q', compute)));
    expect(first).toEqual(Array(10).fill(1));
    now = 30_000; // old, but nothing new was committed: still valid
    expect(await cache.get('s', 'q', compute)).toBe(1);
    cache.bump(['other']);
    expect(await cache.get('s', 'q', compute)).toBe(1);
    cache.bump(['s']);
    expect(await cache.get('s', 'q', compute)).toBe(2);
    cache.bump(['s']);
    now += 500; // bumped, but the entry is fresher than freshMs: reused
    expect(await cache.get('s', 'q', compute)).toBe(2);
    expect(await cache.get('s', 'other-query', compute)).toBe(3);
    now += 61_000; // past maxAge: another instance may have stored responses
    expect(await cache.get('s', 'other-query', compute)).toBe(4);
  });

  it('does not keep a failed computation and stays within maxEntries', async () => {
    const cache = createPublicCache({ maxEntries: 2 });
    await expect(cache.get('s', 'q', () => Promise.reject(new Error('db down')))).rejects.toThrow();
    expect(await cache.get('s', 'q', async () => 'ok')).toBe('ok');
    let computed = 0;
    for (const k of ['a', 'b', 'c']) await cache.get('s', k, async () => ++computed);
    await cache.get('s', 'a', async () => ++computed); // evicted (least recently used)
    expect(computed).toBe(4);
  });
});
