import type { EntityManager } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import type { PolicyImage, PolicyInput, PolicySite, PolicyTenant } from '#libs/policy/src/policy-context.js';
import type { PolicyRule } from '#libs/policy/src/policy-rule.js';
import type { Demand, IaasSpec } from '../domain/iaas-spec.js';

/**
 * Reads what the policy engine decides on: the tenant with its quota use, the request's images,
 * every data centre with its region and load, and the rules. Plain reads: the holds that follow
 * re-check everything that can change under them (quota, room, status) with conditional updates.
 */
export async function readPolicyInput(
  manager: EntityManager,
  request: { tenantId: string; service: PolicyInput['request']['service']; spec: IaasSpec; demand: Demand },
  now: Date,
): Promise<{ input: PolicyInput; rules: PolicyRule[] }> {
  const [tenant, images, sites, rules] = [
    await readTenant(manager, request.tenantId),
    await readImages(manager, [...new Set(request.spec.vms.map((group) => group.image))]),
    await readSites(manager),
    await readRules(manager),
  ];
  return { input: { tenant, request: { service: request.service, images, demand: request.demand }, sites, now }, rules };
}

async function readTenant(manager: EntityManager, id: string): Promise<PolicyTenant> {
  const [row]: Record<string, never>[] = await manager.query(
    `SELECT t.id, t.name, t.home_country, j.region_code, t.segment, t.residency, t.status,
            t.quota_vcpu, t.quota_memory_gib, t.quota_storage_gib, t.quota_vms,
            t.used_vcpu, t.used_memory_gib, t.used_storage_gib, t.used_vms
     FROM tenants t JOIN jurisdictions j ON j.country = t.home_country WHERE t.id = $1`,
    [id],
  );
  if (!row) throw new NotFoundError('tenant', id);
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

async function readImages(manager: EntityManager, ids: string[]): Promise<PolicyImage[]> {
  const rows: Record<string, string>[] = await manager.query(
    `SELECT id, name, os_family, vendor, version FROM images WHERE id = ANY($1::uuid[]) ORDER BY name`,
    [ids],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, osFamily: row.os_family as PolicyImage['osFamily'], vendor: row.vendor, version: row.version }));
}

async function readSites(manager: EntityManager): Promise<PolicySite[]> {
  const rows: Record<string, never>[] = await manager.query(
    `SELECT dc.code, dc.name, dc.country, j.region_code, dc.ownership, dc.operator_code, dc.services, dc.status,
            to_char(dc.available_from, 'YYYY-MM-DD') AS available_from,
            dc.capacity_vcpu, dc.capacity_memory_gib, dc.capacity_storage_gib, dc.capacity_public_ips,
            dc.used_vcpu, dc.used_memory_gib, dc.used_storage_gib, dc.used_public_ips
     FROM data_centres dc JOIN jurisdictions j ON j.country = dc.country ORDER BY dc.code`,
  );
  return rows.map((row) => ({
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
  }));
}

async function readRules(manager: EntityManager): Promise<PolicyRule[]> {
  const rows: Record<string, never>[] = await manager.query(
    `SELECT id, kind, name, description, enabled, params, version FROM policy_rules WHERE enabled ORDER BY name, id`,
  );
  return rows.map((row) => ({ id: row.id, kind: row.kind, name: row.name, description: row.description, enabled: row.enabled, params: row.params, version: row.version }) as PolicyRule);
}
