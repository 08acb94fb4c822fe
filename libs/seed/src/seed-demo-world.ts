import {
  DataCentreRepository,
  ImageRepository,
  JurisdictionRepository,
  PartnerRepository,
  RegionRepository,
  SizeRepository,
  TenantRepository,
} from '#libs/catalogue/src/domain/catalogue.repositories.js';
import { DataCentre } from '#libs/catalogue/src/domain/data-centre.js';
import type { Jurisdiction } from '#libs/catalogue/src/domain/jurisdiction.js';
import type { Partner } from '#libs/catalogue/src/domain/partner.js';
import { Tenant } from '#libs/catalogue/src/domain/tenant.js';
import { DuplicateError } from '#libs/core/src/domain/domain-error.js';
import { DEMO_WORLD, type DemoWorld } from './demo-world.js';

/** The repository ports the seed writes through; the same ones the API's use cases use. */
export interface CataloguePorts {
  regions: RegionRepository;
  jurisdictions: JurisdictionRepository;
  partners: PartnerRepository;
  dataCentres: DataCentreRepository;
  tenants: TenantRepository;
  images: ImageRepository;
  sizes: SizeRepository;
}

export type SeedItemKind = 'region' | 'jurisdiction' | 'partner' | 'data centre' | 'tenant' | 'image' | 'size';

export interface SeedItem {
  kind: SeedItemKind;
  /** The natural key: code, country, or name. */
  key: string;
}

export interface SeedReport {
  created: SeedItem[];
  present: SeedItem[];
}

/** The world cannot be loaded as written, e.g. a data centre in a country without a jurisdiction. */
export class SeedError extends Error {}

interface PlannedInsert extends SeedItem {
  insert(): Promise<void>;
  /**
   * Asked when the insert hits a duplicate: true if the item is now there under its key (another
   * seed got there first, or the key is a name). Items others reference by code say so only when
   * the code itself exists.
   */
  presentAfterDuplicate?(): Promise<boolean>;
}

/**
 * Loads the demo world, inserting only what is absent (by natural key), so a second run changes
 * nothing. Everything is planned first through the domain factories, so a world that breaks a rule
 * (an owned data centre in China) is refused before anything is written. Rules are read from the
 * database where a jurisdiction already exists there: operators may have changed them.
 */
export async function seedDemoWorld(ports: CataloguePorts, world: DemoWorld = DEMO_WORLD): Promise<SeedReport> {
  const report: SeedReport = { created: [], present: [] };
  const plan: PlannedInsert[] = [];
  const present = (kind: SeedItemKind, key: string) => report.present.push({ kind, key });

  for (const region of world.regions) {
    if (await ports.regions.find(region.code)) present('region', region.code);
    else plan.push({ kind: 'region', key: region.code, insert: () => ports.regions.insert(region) });
  }

  const regionCodes = new Set(world.regions.map((region) => region.code));
  const jurisdictions = new Map<string, Jurisdiction>();
  for (const jurisdiction of world.jurisdictions) {
    const stored = await ports.jurisdictions.find(jurisdiction.country);
    if (!stored && !regionCodes.has(jurisdiction.regionCode) && !(await ports.regions.find(jurisdiction.regionCode))) {
      throw new SeedError(`Jurisdiction '${jurisdiction.country}' names region '${jurisdiction.regionCode}', which does not exist.`);
    }
    jurisdictions.set(jurisdiction.country, stored ?? jurisdiction);
    if (stored) present('jurisdiction', jurisdiction.country);
    else
      plan.push({
        kind: 'jurisdiction',
        key: jurisdiction.country,
        insert: () => ports.jurisdictions.insert(jurisdiction),
      });
  }
  const jurisdictionOf = async (country: string, what: string): Promise<Jurisdiction> => {
    const found = jurisdictions.get(country) ?? (await ports.jurisdictions.find(country));
    if (!found) throw new SeedError(`${what} is in '${country}', which has no jurisdiction in the world or the database.`);
    return found;
  };

  const partners = new Map<string, Partner>();
  for (const partner of world.partners) {
    const stored = await ports.partners.find(partner.code);
    partners.set(partner.code, stored ?? partner);
    if (stored) present('partner', partner.code);
    // Data centres reference partners by code: one held under another code would break them.
    else
      plan.push({
        kind: 'partner',
        key: partner.code,
        insert: () => ports.partners.insert(partner),
        presentAfterDuplicate: async () => (await ports.partners.find(partner.code)) !== null,
      });
  }

  for (const input of world.dataCentres) {
    if (await ports.dataCentres.find(input.code)) {
      present('data centre', input.code);
      continue;
    }
    const what = `Data centre '${input.code}'`;
    const operator = partners.get(input.operatorCode) ?? (await ports.partners.find(input.operatorCode));
    if (!operator) throw new SeedError(`${what} names operator '${input.operatorCode}', which does not exist.`);
    // The domain's registration rules apply to the seed as to the API.
    const dataCentre = DataCentre.register(input, await jurisdictionOf(input.country, what), operator);
    plan.push({ kind: 'data centre', key: input.code, insert: () => ports.dataCentres.insert(dataCentre) });
  }

  for (const input of world.tenants) {
    if (await ports.tenants.find(input.id)) {
      present('tenant', input.name);
      continue;
    }
    const tenant = Tenant.register(input, await jurisdictionOf(input.homeCountry, `Tenant '${input.name}'`));
    // A duplicate name under another id is the same customer registered by hand: leave it be.
    plan.push({ kind: 'tenant', key: input.name, insert: () => ports.tenants.insert(tenant) });
  }

  // The image and size ports have no lookup: the insert's duplicate check is the lookup.
  for (const image of world.images) {
    plan.push({ kind: 'image', key: image.name, insert: () => ports.images.insert(image) });
  }
  for (const size of world.sizes) {
    plan.push({ kind: 'size', key: size.code, insert: () => ports.sizes.insert(size) });
  }

  for (const item of plan) {
    try {
      await item.insert();
      report.created.push({ kind: item.kind, key: item.key });
    } catch (error) {
      if (!(error instanceof DuplicateError)) throw error;
      if (item.presentAfterDuplicate && !(await item.presentAfterDuplicate())) {
        throw new SeedError(`Cannot add ${item.kind} '${item.key}': ${error.detail}`, { cause: error });
      }
      present(item.kind, item.key);
    }
  }
  return report;
}

/** One line per kind, for people: "data centre (2): us-east-1, uk-south-1". */
export function describeSeedItems(items: SeedItem[]): string[] {
  const byKind = new Map<SeedItemKind, string[]>();
  for (const item of items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item.key]);
  return [...byKind].map(([kind, keys]) => `${kind} (${keys.length}): ${keys.join(', ')}`);
}
