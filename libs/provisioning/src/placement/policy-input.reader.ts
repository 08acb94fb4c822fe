import type { EntityManager } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import type { PolicyImage, PolicyInput, PolicySite, PolicyTenant } from '#libs/policy/src/policy-context.js';
import type { PolicyRule } from '#libs/policy/src/policy-rule.js';
import type { Demand, IaasSpec } from '../domain/iaas-spec.js';

/**
 * What a submission (or a dry run) reads before it writes anything: the tenant with its quota use
 * (null when there is none), the sizes and images the spec names that the catalogue has, every
 * data centre with its region and load, and the rules. Plain reads: the holds that follow re-check
 * everything that can change under them (quota, room, status) with conditional updates.
 */
export interface PlacementContext {
  tenant: PolicyTenant | null;
  sizes: Map<string, { vcpu: number; memoryGib: number }>;
  images: PolicyImage[];
  sites: PolicySite[];
  rules: PolicyRule[];
}

/**
 * One prepared statement: a submission's transaction holds its row locks until it commits, and
 * these were five round trips of it, then two.
 */
export async function readPlacementContext(manager: EntityManager, tenantId: string, spec: IaasSpec): Promise<PlacementContext> {
  const {
    rows: [row],
  } = await preparedQuery<{ tenant: Row | null; sizes: Row[]; images: Row[]; sites: Row[]; rules: Row[] }>(
    manager,
    `SELECT
       (SELECT row_to_json(t) FROM (${TENANT_SELECT}) t) AS tenant,
       (SELECT coalesce(json_agg(s), '[]') FROM (SELECT code, vcpu, memory_gib FROM sizes WHERE code = ANY($3::text[])) s) AS sizes,
       (SELECT coalesce(json_agg(i ORDER BY i.name), '[]') FROM (
          SELECT id, name, os_family, vendor, version FROM images WHERE id = ANY($2::uuid[])) i) AS images,
       (SELECT coalesce(json_agg(s ORDER BY s.code), '[]') FROM (
          SELECT dc.code, dc.name, dc.country, j.region_code, dc.ownership, dc.operator_code, dc.services, dc.status,
                 to_char(dc.available_from, 'YYYY-MM-DD') AS available_from,
                 dc.capacity_vcpu, dc.capacity_memory_gib, dc.capacity_storage_gib, dc.capacity_public_ips,
                 dc.used_vcpu, dc.used_memory_gib, dc.used_storage_gib, dc.used_public_ips
          FROM data_centres dc JOIN jurisdictions j ON j.country = dc.country) s) AS sites,
       (SELECT coalesce(json_agg(r ORDER BY r.name, r.id), '[]') FROM (
          SELECT id, kind, name, description, enabled, params, version FROM policy_rules WHERE enabled) r) AS rules`,
    [tenantId, [...new Set(spec.vms.map((group) => group.image))], [...new Set(spec.vms.map((group) => group.size))]],
  );
  return {
    tenant: row.tenant && toTenant(row.tenant),
    sizes: new Map(row.sizes.map((size) => [size.code, { vcpu: size.vcpu, memoryGib: size.memory_gib }])),
    images: row.images.map(toImage),
    sites: row.sites.map(toSite),
    rules: row.rules.map(toRule),
  };
}

/** The policy engine's input for a request, from a context read for it (404 when the tenant is not there). */
export function policyInputOf(
  context: PlacementContext,
  request: { tenantId: string; service: PolicyInput['request']['service']; demand: Demand },
  now: Date,
): { input: PolicyInput; rules: PolicyRule[] } {
  if (!context.tenant) throw new NotFoundError('tenant', request.tenantId);
  return {
    input: { tenant: context.tenant, request: { service: request.service, images: context.images, demand: request.demand }, sites: context.sites, now },
    rules: context.rules,
  };
}

/** Reads the policy engine's input for a request whose demand is already known. */
export async function readPolicyInput(
  manager: EntityManager,
  request: { tenantId: string; service: PolicyInput['request']['service']; spec: IaasSpec; demand: Demand },
  now: Date,
): Promise<{ input: PolicyInput; rules: PolicyRule[] }> {
  return policyInputOf(await readPlacementContext(manager, request.tenantId, request.spec), request, now);
}

/** The tenant as the policy sees it, quota counters included; `$1` is its id. */
const TENANT_SELECT = `
  SELECT t.id, t.name, t.home_country, j.region_code, t.segment, t.residency, t.status,
         t.quota_vcpu, t.quota_memory_gib, t.quota_storage_gib, t.quota_vms,
         t.used_vcpu, t.used_memory_gib, t.used_storage_gib, t.used_vms
  FROM tenants t JOIN jurisdictions j ON j.country = t.home_country WHERE t.id = $1`;

/** The tenant alone, read again after a hold failed, to say why in the policy's own words. */
export async function readPolicyTenant(manager: EntityManager, tenantId: string): Promise<PolicyTenant> {
  const {
    rows: [row],
  } = await preparedQuery<Row>(manager, TENANT_SELECT, [tenantId]);
  if (!row) throw new NotFoundError('tenant', tenantId);
  return toTenant(row);
}

/** A row as JSON: its columns by name (integers as numbers, arrays as arrays). */
type Row = Record<string, never>;

function toTenant(row: Row): PolicyTenant {
  return {
    id: row.id,
    name: row.name,
    homeCountry: row.home_country,
    homeRegion: row.region_code,
    segment: row.segment,
    residency: row.residency,
    status: row.status,
    quotas: { vcpu: row.quota_vcpu, memoryGib: row.quota_memory_gib, storageGib: row.quota_storage_gib, vms: row.quota_vms },
    inUse: { vcpu: row.used_vcpu, memoryGib: row.used_memory_gib, storageGib: row.used_storage_gib, vms: row.used_vms },
  };
}

function toImage(row: Row): PolicyImage {
  return { id: row.id, name: row.name, osFamily: row.os_family, vendor: row.vendor, version: row.version };
}

function toSite(row: Row): PolicySite {
  return {
    code: row.code,
    name: row.name,
    country: row.country,
    regionCode: row.region_code,
    ownership: row.ownership,
    operator: row.operator_code,
    services: row.services,
    status: row.status,
    availableFrom: row.available_from,
    capacity: { vcpu: row.capacity_vcpu, memoryGib: row.capacity_memory_gib, storageGib: row.capacity_storage_gib, publicIps: row.capacity_public_ips },
    used: { vcpu: row.used_vcpu, memoryGib: row.used_memory_gib, storageGib: row.used_storage_gib, publicIps: row.used_public_ips },
  };
}

function toRule(row: Row): PolicyRule {
  return { id: row.id, kind: row.kind, name: row.name, description: row.description, enabled: row.enabled, params: row.params, version: row.version } as PolicyRule;
}
