import { describe, expect, it } from '@jest/globals';
import type { Random } from './call-plan.js';
import { fnv1a32, seededCallDraws, seededRandom } from './seeded-draws.js';

const take = (random: Random, count: number): number[] => Array.from({ length: count }, random);

describe('fnv1a32', () => {
  it('gives the published FNV-1a test values', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

describe('seededRandom', () => {
  it('draws the same numbers for the same seed and key, in [0, 1)', () => {
    const first = take(seededRandom(42, 'create vm {"tenant":"t"}'), 50);
    expect(take(seededRandom(42, 'create vm {"tenant":"t"}'), 50)).toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(first).size).toBe(first.length);
  });

  it('draws other numbers for another seed or another key', () => {
    const first = seededRandom(42, 'key')();
    expect(seededRandom(43, 'key')()).not.toBe(first);
    expect(seededRandom(42, 'kez')()).not.toBe(first);
    // The seed and the key are kept apart: seed 4 with key "2key" is another pair.
    expect(seededRandom(4, '2key')()).not.toBe(first);
  });

  it('is even enough across keys that differ only in a counter', () => {
    const draws = Array.from({ length: 20_000 }, (_, n) => seededRandom(7, `list {}\u0000${n}`)());
    const under = (bound: number) => draws.filter((value) => value < bound).length / draws.length;
    expect(under(0.5)).toBeCloseTo(0.5, 1);
    expect(under(0.1)).toBeCloseTo(0.1, 1);
    expect(under(0.9)).toBeCloseTo(0.9, 1);
  });
});

describe('seededCallDraws', () => {
  const draws = (seed: number, partner: string, identity: string, ordinal: number) => {
    const call = seededCallDraws(seed, partner, identity, ordinal);
    return { admit: take(call.admit, 3), plan: take(call.plan(), 3) };
  };

  it('is a function of seed, partner, identity and ordinal alone', () => {
    expect(draws(1, 'softbank', 'create vm {}', 0)).toEqual(draws(1, 'softbank', 'create vm {}', 0));
  });

  it('differs by ordinal, seed, partner and identity', () => {
    const first = draws(1, 'softbank', 'create vm {}', 0);
    for (const other of [
      draws(1, 'softbank', 'create vm {}', 1),
      draws(2, 'softbank', 'create vm {}', 0),
      draws(1, 'china-telecom', 'create vm {}', 0),
      draws(1, 'softbank', 'create org {}', 0),
    ]) {
      expect(other.admit[0]).not.toBe(first.admit[0]);
      expect(other.plan[0]).not.toBe(first.plan[0]);
    }
  });

  it('starts the plan afresh each time, apart from the gate’s draws', () => {
    const call = seededCallDraws(1, 'softbank', 'create vm {}', 0);
    const admitted = call.admit();
    expect(take(call.plan(), 3)).toEqual(take(call.plan(), 3));
    expect(call.plan()()).not.toBe(admitted);
  });
});
