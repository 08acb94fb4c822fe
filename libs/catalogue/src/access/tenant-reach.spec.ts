import { describe, expect, it } from '@jest/globals';
import { tenantReachCondition } from './tenant-reach.sql.js';
import { reachIncludes, type SiteLocation, type TenantHome, tenantMayUse, tenantReach } from './tenant-reach.js';

const beijing: SiteLocation = { country: 'CN', regionCode: 'east-asia' };
const shanghai: SiteLocation = { country: 'CN', regionCode: 'east-asia' };
const tokyo: SiteLocation = { country: 'JP', regionCode: 'east-asia' };
const virginia: SiteLocation = { country: 'US', regionCode: 'north-america' };
const london: SiteLocation = { country: 'GB', regionCode: 'europe' };
const sites = { beijing, shanghai, tokyo, virginia, london };

const usable = (home: TenantHome): string[] =>
  Object.entries(sites)
    .filter(([, site]) => tenantMayUse(home, site))
    .map(([name]) => name);

describe('the data centres a tenant may use', () => {
  it('in-country: only sites in the home country', () => {
    expect(usable({ country: 'CN', regionCode: 'east-asia', residency: 'in-country' })).toEqual(['beijing', 'shanghai']);
    expect(usable({ country: 'GB', regionCode: 'europe', residency: 'in-country' })).toEqual(['london']);
  });

  it('in-country: none at all when no site is in the home country', () => {
    expect(usable({ country: 'KR', regionCode: 'east-asia', residency: 'in-country' })).toEqual([]);
  });

  it("in-region: every site whose country's region is the home region, the home country's included", () => {
    expect(usable({ country: 'JP', regionCode: 'east-asia', residency: 'in-region' })).toEqual(['beijing', 'shanghai', 'tokyo']);
    expect(usable({ country: 'KR', regionCode: 'east-asia', residency: 'in-region' })).toEqual(['beijing', 'shanghai', 'tokyo']);
    expect(usable({ country: 'CA', regionCode: 'north-america', residency: 'in-region' })).toEqual(['virginia']);
  });

  it('in-region: the region decides, not the country code', () => {
    // A site whose country sits in another region is out, even next door.
    expect(tenantMayUse({ country: 'GB', regionCode: 'europe', residency: 'in-region' }, { country: 'IE', regionCode: 'europe' })).toBe(true);
    expect(tenantMayUse({ country: 'GB', regionCode: 'europe', residency: 'in-region' }, virginia)).toBe(false);
  });

  it('none: every site', () => {
    expect(usable({ country: 'GB', regionCode: 'europe', residency: 'none' })).toEqual(Object.keys(sites));
  });

  it('reduces a home to the reach the SQL condition is built from', () => {
    expect(tenantReach({ country: 'CN', regionCode: 'east-asia', residency: 'in-country' })).toEqual({ kind: 'country', country: 'CN' });
    expect(tenantReach({ country: 'JP', regionCode: 'east-asia', residency: 'in-region' })).toEqual({ kind: 'region', regionCode: 'east-asia' });
    expect(tenantReach({ country: 'GB', regionCode: 'europe', residency: 'none' })).toEqual({ kind: 'anywhere' });
    expect(reachIncludes({ kind: 'anywhere' }, tokyo)).toBe(true);
  });
});

describe('the same rule as SQL', () => {
  it('in-country compares the site country with the home country, as a parameter', () => {
    expect(tenantReachCondition({ kind: 'country', country: 'CN' }, 'dc')).toEqual({
      sql: 'dc.country = :reachCountry',
      params: { reachCountry: 'CN' },
    });
  });

  it("in-region reads the site country's region from the jurisdictions table", () => {
    const condition = tenantReachCondition({ kind: 'region', regionCode: 'east-asia' }, 'site');
    expect(condition.sql).toMatch(/^site\.country IN \(SELECT .* FROM jurisdictions .*\.region_code = :reachRegion\)$/);
    expect(condition.params).toEqual({ reachRegion: 'east-asia' });
  });

  it('none restricts nothing', () => {
    expect(tenantReachCondition({ kind: 'anywhere' }, 'dc')).toEqual({ sql: 'TRUE', params: {} });
  });
});
