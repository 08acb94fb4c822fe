import type { Random } from './call-plan.js';

/**
 * FNV-1a, 32 bits, over the text's UTF-16 code units: a well-known small hash, used here only to
 * turn a call's key into a generator's starting state (not for security, not for hash tables).
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32 (Tommy Ettinger's, public domain): a small 32-bit generator, even enough for a simulator's coin flips. */
export function mulberry32(state: number): Random {
  let a = state | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Numbers that depend on the seed and the key alone: the same pair draws the same in every run. */
export const seededRandom = (seed: number, key: string): Random => mulberry32(fnv1a32(`${seed}\u0000${key}`));

/** Where one partner call's random numbers come from. */
export interface CallDraws {
  /** Whether the partner is down for this call (randomOutage). */
  admit: Random;
  /**
   * The plan of the operation it may start, a fresh generator each time it is asked for: a call
   * planned twice (at once, then in a transaction) gets the same plan either way.
   */
  plan: () => Random;
}

/** The draws of the `ordinal`-th call (from 0) with this identity at this partner, under this seed. */
export function seededCallDraws(seed: number, partner: string, identity: string, ordinal: number): CallDraws {
  const key = `${partner}\u0000${identity}\u0000${ordinal}`;
  return { admit: seededRandom(seed, `${key}\u0000admit`), plan: () => seededRandom(seed, `${key}\u0000plan`) };
}
