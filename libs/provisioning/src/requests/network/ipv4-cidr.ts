/**
 * IPv4 addresses and CIDR blocks as plain numbers: enough to validate the networks a request
 * names and to tell whether two of them overlap. Strict on purpose: dotted quads only, no leading
 * zeros (`010` is octal to some parsers and decimal to others), and a block's address must be its
 * network address (`10.0.0.1/24` is refused with the block it probably meant).
 */

/** A block: its first address as an unsigned 32-bit number, and its prefix length. */
export interface Ipv4Cidr {
  readonly network: number;
  readonly prefix: number;
}

export type CidrParse = { ok: true; cidr: Ipv4Cidr } | { ok: false; problem: string };

const OCTET = /^(0|[1-9][0-9]{0,2})$/;
const PREFIX = /^(0|[1-9][0-9]?)$/;

/** The address as an unsigned 32-bit number, or null if it is not a strict dotted quad. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => OCTET.test(part))) return null;
  const octets = parts.map(Number);
  if (octets.some((octet) => octet > 255)) return null;
  return octets.reduce((address, octet) => address * 256 + octet, 0);
}

export const formatIpv4 = (address: number): string =>
  [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join('.');

/** The netmask of a prefix as an unsigned 32-bit number (`/0` masks nothing). */
const maskOf = (prefix: number): number => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

export function parseCidr(text: string): CidrParse {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, problem: 'is missing its prefix length (such as /16)' };
  const address = parseIpv4(text.slice(0, slash));
  if (address === null) return { ok: false, problem: `has no valid IPv4 address before the '/'` };
  const prefixText = text.slice(slash + 1);
  const prefix = PREFIX.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= 32)) return { ok: false, problem: 'has a prefix length that is not 0 to 32' };
  const network = (address & maskOf(prefix)) >>> 0;
  if (network !== address) {
    return { ok: false, problem: `has host bits set: did you mean ${formatCidr({ network, prefix })}?` };
  }
  return { ok: true, cidr: { network, prefix } };
}

export const formatCidr = (cidr: Ipv4Cidr): string => `${formatIpv4(cidr.network)}/${cidr.prefix}`;

/** How many addresses the block holds. */
export const cidrSize = (cidr: Ipv4Cidr): number => 2 ** (32 - cidr.prefix);

/** The block's last address. */
export const lastAddress = (cidr: Ipv4Cidr): number => cidr.network + cidrSize(cidr) - 1;

export const cidrContains = (cidr: Ipv4Cidr, address: number): boolean =>
  address >= cidr.network && address <= lastAddress(cidr);

/** Two blocks overlap when either holds an address of the other: aligned blocks nest or are apart. */
export const cidrsOverlap = (a: Ipv4Cidr, b: Ipv4Cidr): boolean => a.network <= lastAddress(b) && b.network <= lastAddress(a);
