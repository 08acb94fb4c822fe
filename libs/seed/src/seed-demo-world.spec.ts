import { describe, expect, it } from '@jest/globals';
import type { DataCentre } from '#libs/catalogue/src/domain/data-centre.js';
import type { Image, Size } from '#libs/catalogue/src/domain/image.js';
import type { Region, StoredJurisdiction } from '#libs/catalogue/src/domain/jurisdiction.js';
import type { Partner } from '#libs/catalogue/src/domain/partner.js';
import type { Tenant } from '#libs/catalogue/src/domain/tenant.js';
import { TENANT_SECTORS, TENANT_SEGMENTS } from '#libs/catalogue/src/domain/vocabulary.js';
import { DuplicateError } from '#libs/core/src/domain/domain-error.js';
import { DEMO_WORLD, type DemoWorld } from './demo-world.js';
import { type CataloguePorts, SeedError, seedDemoWorld } from './seed-demo-world.js';

/** In-memory ports with the persistence adapters' duplicate behaviour (key and unique name). */
function memoryPorts() {
  const store = {
    regions: new Map<string, Region>(),
    jurisdictions: new Map<string, StoredJurisdiction>(),
    partners: new Map<string, Partner>(),
    dataCentres: new Map<string, DataCentre>(),
    tenants: new Map<string, Tenant>(),
    images: new Map<string, Image>(),
    sizes: new Map<string, Size>(),
  };
  const insert = <T>(map: Map<string, T>, resource: string, key: string, value: T, name?: (v: T) => string) => {
    if (map.has(key)) throw new DuplicateError(resource, 'key', key);
    if (name && [...map.values()].some((v) => name(v) === name(value))) throw new DuplicateError(resource, 'name', name(value));
    map.set(key, value);
    return Promise.resolve();
  };
  const find = <T>(map: Map<string, T>, key: string) => Promise.resolve(map.get(key) ?? null);
  const ports: CataloguePorts = {
    regions: { find: (code) => find(store.regions, code), insert: (r) => insert(store.regions, 'region', r.code, r) },
    jurisdictions: {
      find: (country) => find(store.jurisdictions, country),
      insert: (j) => insert(store.jurisdictions, 'jurisdiction', j.country, { ...j, version: 0 }),
      update: (j) => Promise.resolve(void store.jurisdictions.set(j.country, j)),
    },
    partners: {
      find: (code) => find(store.partners, code),
      insert: (p) => insert(store.partners, 'partner', p.code, p, (x) => x.name),
    },
    dataCentres: {
      find: (code) => find(store.dataCentres, code),
      insert: (d) => insert(store.dataCentres, 'data centre', d.code, d),
      update: (d) => Promise.resolve(void store.dataCentres.set(d.code, d)),
    },
    tenants: {
      find: (id) => find(store.tenants, id),
      insert: (t) => insert(store.tenants, 'tenant', t.id, t, (x) => x.toState().name),
      update: (t) => Promise.resolve(void store.tenants.set(t.id, t)),
    },
    images: { insert: (i) => insert(store.images, 'image', i.id, i, (x) => x.name) },
    sizes: { insert: (s) => insert(store.sizes, 'size', s.code, s, (x) => x.name) },
  };
  return { ports, store };
}

const itemCount = (world: DemoWorld) =>
  Object.values(world).reduce((sum: number, items: unknown[]) => sum + items.length, 0);

describe('the demo world (data)', () => {
  it('covers every tenant segment and sector, in China, Japan, the UK and the US', () => {
    expect(new Set(DEMO_WORLD.tenants.map((t) => t.segment))).toEqual(new Set(TENANT_SEGMENTS));
    expect(new Set(DEMO_WORLD.tenants.map((t) => t.sector))).toEqual(new Set(TENANT_SECTORS));
    expect(new Set(DEMO_WORLD.tenants.map((t) => t.homeCountry))).toEqual(new Set(['CN', 'JP', 'GB', 'US']));
  });

  it('has unique natural keys and ids', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(DEMO_WORLD.dataCentres.map((d) => d.code));
    unique(DEMO_WORLD.tenants.map((t) => t.name));
    unique(DEMO_WORLD.tenants.map((t) => t.id));
    unique(DEMO_WORLD.images.map((i) => i.name));
    unique(DEMO_WORLD.images.map((i) => i.id));
    unique(DEMO_WORLD.sizes.map((s) => s.code));
  });
});

describe('seedDemoWorld', () => {
  it('creates everything on an empty catalogue, then nothing on a second run', async () => {
    const { ports, store } = memoryPorts();
    const first = await seedDemoWorld(ports);
    expect(first.created).toHaveLength(itemCount(DEMO_WORLD));
    expect(first.present).toEqual([]);
    expect(store.dataCentres.get('cn-beijing-1')?.toState()).toMatchObject({
      operatorCode: 'china-telecom',
      ownership: 'partner-operated',
    });

    const second = await seedDemoWorld(ports);
    expect(second.created).toEqual([]);
    expect(second.present).toHaveLength(itemCount(DEMO_WORLD));
  });

  it('defaults residency from the home jurisdiction unless the tenant says otherwise', async () => {
    const { ports, store } = memoryPorts();
    await seedDemoWorld(ports);
    const residencyOf = (name: string) =>
      [...store.tenants.values()].find((t) => t.toState().name === name)?.toState().residency;
    expect(residencyOf('Beijing Commercial Bank')).toBe('in-country');
    expect(residencyOf('Cascade Energy Corporation')).toBe('none');
    expect(residencyOf('Northfield NHS Foundation Trust')).toBe('in-country');
  });

  it('fills in only what is missing', async () => {
    const { ports, store } = memoryPorts();
    await seedDemoWorld(ports);
    store.dataCentres.delete('jp-osaka-1');
    store.sizes.delete('m1.small');
    const report = await seedDemoWorld(ports);
    expect(report.created).toEqual([
      { kind: 'data centre', key: 'jp-osaka-1' },
      { kind: 'size', key: 'm1.small' },
    ]);
  });

  it('refuses an owned data centre in China before writing anything', async () => {
    const { ports, store } = memoryPorts();
    const world: DemoWorld = {
      ...DEMO_WORLD,
      dataCentres: [
        ...DEMO_WORLD.dataCentres,
        { ...DEMO_WORLD.dataCentres[0], code: 'cn-owned-1', country: 'CN', operatorCode: 'provider', ownership: 'owned' },
      ],
    };
    await expect(seedDemoWorld(ports, world)).rejects.toThrow(/may not own a data centre in China/);
    expect(store.regions.size + store.partners.size + store.dataCentres.size).toBe(0);
  });

  it('names a missing jurisdiction instead of failing on a foreign key', async () => {
    const { ports } = memoryPorts();
    const world: DemoWorld = { ...DEMO_WORLD, tenants: [{ ...DEMO_WORLD.tenants[0], homeCountry: 'FR' }] };
    await expect(seedDemoWorld(ports, world)).rejects.toThrow(SeedError);
  });

  it('counts a tenant registered by hand under the same name as present', async () => {
    const { ports } = memoryPorts();
    await seedDemoWorld(ports, { ...DEMO_WORLD, tenants: [{ ...DEMO_WORLD.tenants[0], id: '00000000-0000-4000-8000-000000000001' }] });
    const report = await seedDemoWorld(ports);
    expect(report.present).toContainEqual({ kind: 'tenant', key: DEMO_WORLD.tenants[0].name });
    expect(report.created.filter((item) => item.kind === 'tenant')).toHaveLength(DEMO_WORLD.tenants.length - 1);
  });

  it('stops when a partner code it depends on cannot be created', async () => {
    const { ports, store } = memoryPorts();
    await seedDemoWorld(ports, { ...DEMO_WORLD, dataCentres: [], tenants: [] });
    store.partners.delete('softbank');
    store.partners.set('sb', { code: 'sb', name: 'SoftBank', kind: 'local-partner', country: 'JP' });
    await expect(seedDemoWorld(ports)).rejects.toThrow(/Cannot add partner 'softbank'/);
  });
});
