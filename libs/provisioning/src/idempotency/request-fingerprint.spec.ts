import { describe, expect, it } from '@jest/globals';
import { canonicalJson, requestFingerprint } from './request-fingerprint.js';

describe('request fingerprints', () => {
  it('ignore key order and absent fields, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"x":2,"y":1}]},"b":1}');
    expect(requestFingerprint('POST', '/v1/x', { a: 1, b: 2 })).toBe(requestFingerprint('post', '/V1/X/', { b: 2, a: 1 }));
  });

  it('tell apart bodies, paths and methods', () => {
    const base = requestFingerprint('POST', '/v1/x', { a: 1 });
    expect(requestFingerprint('POST', '/v1/x', { a: 2 })).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/y', { a: 1 })).not.toBe(base);
    expect(requestFingerprint('PUT', '/v1/x', { a: 1 })).not.toBe(base);
    // Order within a list matters: VM groups are provisioned in order.
    expect(requestFingerprint('POST', '/v1/x', { a: [1, 2] })).not.toBe(requestFingerprint('POST', '/v1/x', { a: [2, 1] }));
  });

  it('treat a missing body as an empty object', () => {
    expect(requestFingerprint('POST', '/v1/x', undefined)).toBe(requestFingerprint('POST', '/v1/x', {}));
  });
});
