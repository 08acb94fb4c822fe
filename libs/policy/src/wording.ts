import type { PolicyDemand, PolicyTenant } from './policy-context.js';

/** The words every explanation shares, so that rules and placement speak alike. */

export type DemandPool = keyof PolicyDemand;

const UNITS: Record<DemandPool, readonly [one: string, many: string]> = {
  vcpu: ['vCPU', 'vCPU'],
  memoryGib: ['GiB memory', 'GiB memory'],
  storageGib: ['GiB storage', 'GiB storage'],
  publicIps: ['public IP', 'public IPs'],
  vms: ['VM', 'VMs'],
};

/** "8 vCPU", "1 public IP", "20 VMs". */
export const amountOf = (pool: DemandPool, count: number): string => `${count} ${UNITS[pool][count === 1 ? 0 : 1]}`;

export const tenantLabel = (tenant: Pick<PolicyTenant, 'name'>): string => `tenant '${tenant.name}'`;

/** "a government tenant", "an enterprise-large tenant". */
export const withArticle = (word: string): string => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

export const capitalise = (sentence: string): string => sentence.charAt(0).toUpperCase() + sentence.slice(1);

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
export function listing(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Operator-written text quoted inside an explanation ends like a sentence. */
export const asSentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The UTC calendar day of `date`, as YYYY-MM-DD: the form `availableFrom` is stored in. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
