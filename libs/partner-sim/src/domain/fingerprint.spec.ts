import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalJson, requestFingerprint } from './fingerprint.js';

describe('requestFingerprint', () => {
  const create = {
    action: 'create',
    type: 'vm',
    spec: { size: 'm1.large', image: 'rhel-7', disks: [{ gib: 40 }, { gib: 100 }] },
    labels: { tenant: 't-1', request: 'r-1' },
  };

  it('is the same for the same request, whatever the order of its keys', () => {
    const reordered = {
      labels: { request: 'r-1', tenant: 't-1' },
      spec: { disks: [{ gib: 40 }, { gib: 100 }], image: 'rhel-7', size: 'm1.large' },
      type: 'vm',
      action: 'create',
    };
    expect(requestFingerprint(reordered)).toBe(requestFingerprint(create));
  });

  it('differs when anything in the request differs', () => {
    const base = requestFingerprint(create);
    expect(requestFingerprint({ ...create, type: 'volume' })).not.toBe(base);
    expect(requestFingerprint({ ...create, spec: { ...create.spec, size: 'm1.small' } })).not.toBe(base);
    expect(requestFingerprint({ ...create, labels: { ...create.labels, request: 'r-2' } })).not.toBe(base);
    // Array order is meaningful: two disks swapped are another request.
    expect(requestFingerprint({ ...create, spec: { ...create.spec, disks: [{ gib: 100 }, { gib: 40 }] } })).not.toBe(base);
    expect(requestFingerprint({ action: 'delete', resourceId: 'x' })).not.toBe(requestFingerprint({ action: 'power-on', resourceId: 'x' }));
  });

  it('is a SHA-256 in hex', () => {
    expect(requestFingerprint(create)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps strings apart that only JSON escaping tells apart', () => {
    expect(canonicalJson({ a: 'x","b":"y' })).not.toBe(canonicalJson({ a: 'x', b: 'y' }));
  });

  it('ignores key order for any JSON object (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
