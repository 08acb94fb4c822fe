import { describe, expect, it } from '@jest/globals';
import { CryptoRandomSource } from './crypto-random-source.js';

describe('CryptoRandomSource', () => {
  it('draws 16-hex-digit ids, all distinct, across refills of its pool', () => {
    const random = new CryptoRandomSource();
    const ids = Array.from({ length: 2000 }, () => random.uniqueId());
    expect(ids.every((id) => /^[0-9a-f]{16}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
