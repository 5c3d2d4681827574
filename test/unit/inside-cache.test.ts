// The lists of "inside X" kept between requests (modules/places/inside-cache.ts): what a statement
// is handed for an anchor, and what one stamp's lists become when another stamp is seen. That the
// statement checks the stamp against the graph is tested through Neo4j (integration/inside-cache).
import { describe, expect, it } from 'vitest';
import { InsideCache } from '../../src/modules/places/inside-cache.js';
import { KeptByStamp } from '../../src/db/kept-by-stamp.js';

describe('the inside cache', () => {
  it('hands a statement nothing to use for an anchor it has not kept', () => {
    expect(new InsideCache().kept('province:tibet')).toEqual({ insideStamp: null, insideIds: [] });
  });

  it('keeps lists under the stamp they were read under, and drops them all when another stamp is seen', () => {
    const cache = new InsideCache();
    cache.keep('province:tibet', 's1', ['province:tibet', 'city:nagqu']);
    cache.keep('city:nagqu', 's1', ['city:nagqu']);
    expect(cache.kept('province:tibet')).toEqual({ insideStamp: 's1', insideIds: ['province:tibet', 'city:nagqu'] });
    cache.keep('city:nagqu', 's2', ['city:nagqu', 'county:amdo']);
    expect(cache.kept('province:tibet')).toEqual({ insideStamp: null, insideIds: [] });
    expect(cache.kept('city:nagqu')).toEqual({ insideStamp: 's2', insideIds: ['city:nagqu', 'county:amdo'] });
  });

  it('keeps nothing read before any load stamped the graph', () => {
    const cache = new InsideCache();
    cache.keep('province:tibet', null, ['province:tibet']);
    expect(cache.kept('province:tibet').insideStamp).toBeNull();
  });

  it('lets the anchor asked least lately go first when full', () => {
    const cache = new InsideCache();
    for (let i = 0; i < 512; i++) cache.keep(`place:${i}`, 's', [`place:${i}`]);
    cache.kept('place:0'); // asked again: now the most recent
    cache.keep('place:512', 's', ['place:512']);
    expect(cache.kept('place:0').insideIds).toEqual(['place:0']);
    expect(cache.kept('place:1').insideIds).toEqual([]);
    expect(cache.kept('place:512').insideIds).toEqual(['place:512']);
  });

  it('ignores what a slow statement read under a stamp already left behind', () => {
    const cache = new InsideCache();
    cache.keep('province:tibet', 's1', ['province:tibet']);
    cache.keep('city:nagqu', 's2', ['city:nagqu']);
    cache.keep('province:tibet', 's1', ['province:tibet', 'city:nagqu']); // finished after the s2 read
    expect(cache.keptStamp).toBe('s2');
    expect(cache.kept('city:nagqu').insideIds).toEqual(['city:nagqu']);
    expect(cache.kept('province:tibet').insideIds).toEqual([]);
  });
});

describe('values kept by stamp, weighed', () => {
  it('lets the least recently asked go first beyond the weight, but always keeps the newest', () => {
    const orders = new KeptByStamp<string[]>(10, (ids) => ids.length, 5);
    orders.keep('a', 's', ['1', '2']);
    orders.keep('b', 's', ['3', '4']);
    orders.get('a'); // asked again: now the most recent
    orders.keep('c', 's', ['5', '6']);
    expect([orders.get('a'), orders.get('b'), orders.get('c')]).toEqual([['1', '2'], undefined, ['5', '6']]);
    orders.keep('huge', 's', ['1', '2', '3', '4', '5', '6', '7']);
    expect([orders.get('a'), orders.get('c'), orders.get('huge')?.length]).toEqual([undefined, undefined, 7]);
  });
});
