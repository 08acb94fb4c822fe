import type { PolicyImage, PolicyTenant } from '../policy-context.js';
import type { ProcurementExclusionParams } from '../policy-rule.js';
import { asSentence, capitalise, listing, tenantLabel, withArticle } from '../wording.js';
import { describeImage, describeMatcher, matchesImage } from './image-matcher.js';
import { fails, passes, type Verdict } from './verdict.js';

/** Some buyers may not buy some products (Chinese government tenants: no Windows 8). */
export function checkProcurementExclusion(params: ProcurementExclusionParams, tenant: PolicyTenant, images: readonly PolicyImage[]): Verdict {
  const covered = `${listing(params.segments, 'or')} tenants at home in ${params.country}`;
  const tenantIs = `${tenantLabel(tenant)} is ${withArticle(tenant.segment)} tenant at home in ${tenant.homeCountry}`;
  if (tenant.homeCountry !== params.country || !params.segments.includes(tenant.segment)) {
    return passes(`The procurement exclusion for ${covered} does not apply: ${tenantIs}.`);
  }
  const excluded = images.flatMap((image) => {
    const matcher = params.images.find((candidate) => matchesImage(candidate, image));
    return matcher ? [`${describeImage(image)}, which matches ${describeMatcher(matcher)}`] : [];
  });
  if (excluded.length > 0) {
    return fails(`${capitalise(tenantIs)} and may not use ${listing(excluded)}: ${asSentence(params.rationale)} Choose another image.`);
  }
  const used = images.length === 0 ? 'the request uses no image' : `none of its images (${listing(images.map((image) => `'${image.name}'`))}) is excluded`;
  return passes(`${capitalise(tenantIs)}; ${used}.`);
}
