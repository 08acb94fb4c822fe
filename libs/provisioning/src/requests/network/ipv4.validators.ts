import { ValidateBy, type ValidationArguments } from 'class-validator';
import { parseCidr, parseIpv4 } from './ipv4-cidr.js';

/** Prefix lengths a tenant network may have: big enough to be useful, small enough to route. */
export const NETWORK_PREFIX = { min: 16, max: 29 } as const;

const cidrProblem = (value: unknown, prefixes: { min: number; max: number }): string | null => {
  if (typeof value !== 'string') return 'must be a string';
  const parsed = parseCidr(value);
  if (!parsed.ok) return parsed.problem;
  const { prefix } = parsed.cidr;
  return prefix < prefixes.min || prefix > prefixes.max ? `must have a prefix length from /${prefixes.min} to /${prefixes.max}` : null;
};

/** An IPv4 block in CIDR notation whose address is its network address, with a prefix in range. */
export const IsIpv4Cidr = (prefixes: { min: number; max: number } = { min: 0, max: 32 }): PropertyDecorator =>
  ValidateBy({
    name: 'isIpv4Cidr',
    validator: {
      validate: (value: unknown) => cidrProblem(value, prefixes) === null,
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} must be an IPv4 block such as 10.20.0.0/16: '${String(args?.value)}' ${cidrProblem(args?.value, prefixes)}`,
    },
  });

export const IsIpv4Address = (): PropertyDecorator =>
  ValidateBy({
    name: 'isIpv4Address',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseIpv4(value) !== null,
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be an IPv4 address such as 203.0.113.10`,
    },
  });
