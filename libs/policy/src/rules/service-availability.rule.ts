import type { Service } from '#libs/catalogue/src/domain/vocabulary.js';
import type { PolicySite } from '../policy-context.js';
import { listing } from '../wording.js';
import type { Verdict } from './verdict.js';

export function checkServiceAvailability(service: Service, site: PolicySite): Verdict {
  if (site.services.includes(service)) return { passed: true, reason: `${site.code} offers ${service}.` };
  const offered = site.services.length === 0 ? 'offers no service yet' : `offers only ${listing(site.services)}`;
  return { passed: false, reason: `${site.code} does not offer ${service}; it ${offered}.` };
}
