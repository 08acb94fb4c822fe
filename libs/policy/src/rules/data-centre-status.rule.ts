import type { PolicySite } from '../policy-context.js';
import { fails, passes, type Verdict } from './verdict.js';

/**
 * Only a site that is open takes work. A planned site opens on its `availableFrom` day (UTC),
 * even before an operator marks it active, since that date is the operator's own promise.
 * `today` is YYYY-MM-DD, so the comparison of the two strings is a comparison of days.
 */
export function checkDataCentreStatus(site: PolicySite, today: string): Verdict {
  switch (site.status) {
    case 'active':
      return passes(`${site.code} is active.`);
    case 'planned':
      if (site.availableFrom === null) return fails(`${site.code} is planned and has no opening date; it takes no work until it opens.`);
      return site.availableFrom <= today
        ? passes(`${site.code} is planned to open on ${site.availableFrom}, which has come (today is ${today}).`)
        : fails(`${site.code} is planned and opens on ${site.availableFrom}; it takes no work before then (today is ${today}).`);
    case 'maintenance':
    case 'offline':
      return fails(`${site.code} is ${site.status === 'offline' ? 'offline' : 'in maintenance'}; it takes no work until it is active again.`);
  }
}
