import { describe, expect, it } from '@jest/globals';
import { issueSecret, parseKey, secretMatches } from './api-key-secret.js';

describe('API key secrets', () => {
  it('issues keys that parse back to their id and match their hash', () => {
    const issued = issueSecret();
    const parsed = parseKey(issued.plaintext);
    expect(parsed?.keyId).toBe(issued.keyId);
    expect(secretMatches(parsed!.secret, issued.secretHash)).toBe(true);
    expect(issued.secretHash).not.toContain(parsed!.secret);
  });

  it('never issues the same key twice', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => issueSecret().plaintext));
    expect(keys.size).toBe(1000);
  });

  it('rejects a wrong secret and malformed keys', () => {
    const a = issueSecret();
    const b = issueSecret();
    expect(secretMatches(parseKey(b.plaintext)!.secret, a.secretHash)).toBe(false);
    for (const bad of ['', 'hcp_', 'Bearer x', `${a.plaintext}x`, a.plaintext.replace('hcp_', 'xyz_')]) {
      expect(parseKey(bad)).toBeNull();
    }
  });
});
