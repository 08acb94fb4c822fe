import type { PolicyImage } from '../policy-context.js';
import type { ImageMatcher } from '../policy-rule.js';

const ALPHANUMERIC = /[0-9a-z]/i;

/**
 * A version prefix matches whole version parts: '8' matches '8', '8.1' and '8 SP1' but not '80',
 * so "Windows 8" never catches a Windows 80. A prefix ending in a separator ('8.') is literal.
 */
function versionStartsWith(version: string, prefix: string): boolean {
  if (!version.startsWith(prefix)) return false;
  const next = version.charAt(prefix.length);
  return next === '' || !ALPHANUMERIC.test(prefix.charAt(prefix.length - 1)) || !ALPHANUMERIC.test(next);
}

/** Every field the matcher gives must match; vendors compare without regard to case. */
export const matchesImage = (matcher: ImageMatcher, image: PolicyImage): boolean =>
  (matcher.vendor === undefined || matcher.vendor.trim().toLowerCase() === image.vendor.trim().toLowerCase()) &&
  (matcher.osFamily === undefined || matcher.osFamily === image.osFamily) &&
  (matcher.versionPrefix === undefined || versionStartsWith(image.version, matcher.versionPrefix));

/** "Microsoft windows version 8". */
export const describeMatcher = (matcher: ImageMatcher): string =>
  [matcher.vendor, matcher.osFamily, matcher.versionPrefix === undefined ? undefined : `version ${matcher.versionPrefix}`]
    .filter((part) => part !== undefined)
    .join(' ');

/** "'Windows 8.1 Enterprise' (Microsoft windows 8.1)". */
export const describeImage = (image: PolicyImage): string => `'${image.name}' (${image.vendor} ${image.osFamily} ${image.version})`;
