import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cidrContains, cidrsOverlap, cidrSize, formatCidr, formatIpv4, lastAddress, parseCidr, parseIpv4 } from './ipv4-cidr.js';
import { networkConflicts } from './network-rules.js';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.problem}`);
  return parsed.cidr;
};

describe('IPv4 addresses', () => {
  it.each([
    ['0.0.0.0', 0],
    ['10.0.0.1', 0x0a000001],
    ['192.168.1.254', 0xc0a801fe],
    ['255.255.255.255', 0xffffffff],
  ])('parses %s', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
    expect(formatIpv4(value)).toBe(text);
  });

  it.each(['', '10.0.0', '10.0.0.0.1', '256.0.0.1', '10.0.0.01', '10.0.0.-1', ' 10.0.0.1', '10.0.0.1 ', '10..0.1', '0x0a.0.0.1', '1e1.0.0.1', '10.0.0.1/32'])(
    'refuses %j',
    (text) => {
      expect(parseIpv4(text)).toBeNull();
    },
  );

  it('formats what it parses, for every address', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => parseIpv4(formatIpv4(n)) === n));
  });
});

describe('CIDR blocks', () => {
  it('parses a network address with its prefix', () => {
    expect(cidr('10.20.0.0/16')).toEqual({ network: 0x0a140000, prefix: 16 });
    expect(cidr('0.0.0.0/0')).toEqual({ network: 0, prefix: 0 });
    expect(cidr('192.168.1.7/32')).toEqual({ network: 0xc0a80107, prefix: 32 });
    expect(formatCidr(cidr('172.16.8.0/21'))).toBe('172.16.8.0/21');
  });

  it('refuses host bits, naming the block meant', () => {
    expect(parseCidr('10.0.0.1/24')).toEqual({ ok: false, problem: 'has host bits set: did you mean 10.0.0.0/24?' });
  });

  it.each([
    ['10.0.0.0', 'is missing its prefix length (such as /16)'],
    ['10.0.0/16', `has no valid IPv4 address before the '/'`],
    ['10.0.0.0/33', 'has a prefix length that is not 0 to 32'],
    ['10.0.0.0/', 'has a prefix length that is not 0 to 32'],
    ['10.0.0.0/08', 'has a prefix length that is not 0 to 32'],
    ['10.0.0.0/-1', 'has a prefix length that is not 0 to 32'],
    ['10.0.0.0/16/16', 'has a prefix length that is not 0 to 32'],
  ])('refuses %j: it %s', (text, problem) => {
    expect(parseCidr(text)).toEqual({ ok: false, problem });
  });

  it('knows its size and last address', () => {
    expect(cidrSize(cidr('10.0.0.0/29'))).toBe(8);
    expect(formatIpv4(lastAddress(cidr('10.0.0.0/29')))).toBe('10.0.0.7');
    expect(formatIpv4(lastAddress(cidr('0.0.0.0/0')))).toBe('255.255.255.255');
    expect(cidrContains(cidr('10.0.0.0/29'), parseIpv4('10.0.0.7')!)).toBe(true);
    expect(cidrContains(cidr('10.0.0.0/29'), parseIpv4('10.0.0.8')!)).toBe(false);
  });

  it.each([
    ['10.0.0.0/16', '10.0.255.0/24', true],
    ['10.0.0.0/16', '10.1.0.0/16', false],
    ['10.0.0.0/8', '10.200.0.0/16', true],
    ['192.168.0.0/24', '192.168.0.0/24', true],
    ['192.168.0.0/25', '192.168.0.128/25', false],
    ['0.0.0.0/0', '203.0.113.0/24', true],
    ['172.16.0.0/12', '172.32.0.0/16', false],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(cidrsOverlap(cidr(a), cidr(b))).toBe(expected);
    expect(cidrsOverlap(cidr(b), cidr(a))).toBe(expected);
  });

  it('overlap agrees with sharing an address, for random blocks', () => {
    const block = fc
      .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 8, max: 32 }))
      .map(([address, prefix]) => ({ network: prefix === 0 ? 0 : (address & ((0xffffffff << (32 - prefix)) >>> 0)) >>> 0, prefix }));
    fc.assert(
      fc.property(block, block, (a, b) => {
        const shares = cidrContains(a, b.network) || cidrContains(b, a.network);
        return cidrsOverlap(a, b) === shares;
      }),
    );
  });
});

describe('the network rules of a spec', () => {
  const spec = (networkCidr: string, onPremisesCidr: string, vpnGatewayAddress = '203.0.113.10') => ({
    networkCidr,
    hybridLink: { onPremisesCidr, vpnGatewayAddress },
  });

  it('has nothing to say without a hybrid link', () => {
    expect(networkConflicts({ networkCidr: '10.0.0.0/16', hybridLink: null })).toEqual([]);
  });

  it('accepts networks apart', () => {
    expect(networkConflicts(spec('10.20.0.0/16', '192.168.0.0/16'))).toEqual([]);
  });

  it('names the cloud network when it overlaps the on-premises one', () => {
    expect(networkConflicts(spec('10.20.0.0/16', '10.0.0.0/8'))).toEqual([
      expect.objectContaining({ field: 'spec.networkCidr', message: expect.stringContaining('overlaps the on-premises network 10.0.0.0/8') }),
    ]);
  });

  it('names a VPN gateway inside the cloud network', () => {
    expect(networkConflicts(spec('10.20.0.0/16', '192.168.0.0/16', '10.20.3.4'))).toEqual([
      expect.objectContaining({ field: 'spec.hybridLink.vpnGatewayAddress' }),
    ]);
  });
});
