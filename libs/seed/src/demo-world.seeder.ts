import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DataCentreRepository,
  ImageRepository,
  JurisdictionRepository,
  PartnerRepository,
  RegionRepository,
  SizeRepository,
  TenantRepository,
} from '#libs/catalogue/src/domain/catalogue.repositories.js';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { catalogueIsEmpty } from './catalogue-emptiness.query.js';
import { demoKeySpecs } from './demo-keys/demo-keys.js';
import { type DemoKeysReport, DemoKeysSeeder } from './demo-keys/demo-keys.seeder.js';
import { DEMO_WORLD, type DemoWorld } from './demo-world.js';
import { type CataloguePorts, type SeedReport, seedDemoWorld } from './seed-demo-world.js';

export type SeedPolicy = AppConfig['seedDemoWorld'];

export type DemoKeysOutcome = ({ made: true } & DemoKeysReport) | { made: false; reason: string };

/** The world's items, and the demo API keys that go with them. */
export interface DemoSeedReport extends SeedReport {
  demoKeys: DemoKeysOutcome;
}

export type SeedOnStartOutcome = { seeded: true; report: DemoSeedReport } | { seeded: false; reason: string };

/** The seed as a Nest provider: the ports come from CatalogueModule, as for the API's use cases. */
@Injectable()
export class DemoWorldSeeder {
  private readonly ports: CataloguePorts;

  constructor(
    private readonly config: AppConfig,
    private readonly demoKeys: DemoKeysSeeder,
    private readonly dataSource: DataSource,
    regions: RegionRepository,
    jurisdictions: JurisdictionRepository,
    partners: PartnerRepository,
    dataCentres: DataCentreRepository,
    tenants: TenantRepository,
    images: ImageRepository,
    sizes: SizeRepository,
  ) {
    this.ports = { regions, jurisdictions, partners, dataCentres, tenants, images, sizes };
  }

  async seed(world: DemoWorld = DEMO_WORLD): Promise<DemoSeedReport> {
    const report = await seedDemoWorld(this.ports, world);
    // Keys that open a production system must be made on purpose (the CLI), never by a demo loader.
    if (this.config.env === 'production') {
      return { ...report, demoKeys: { made: false, reason: 'NODE_ENV=production: demo keys are never made there' } };
    }
    const keys = await this.demoKeys.ensure(demoKeySpecs(world), this.config.demoKeysDir);
    return { ...report, demoKeys: { made: true, ...keys } };
  }

  /** SEED_DEMO_WORLD: `auto` fills an empty catalogue only, `always` tops up, `never` leaves it. */
  async seedOnStart(policy: SeedPolicy): Promise<SeedOnStartOutcome> {
    if (policy === 'never') return { seeded: false, reason: 'SEED_DEMO_WORLD=never' };
    if (policy === 'auto' && !(await catalogueIsEmpty(this.dataSource))) {
      return { seeded: false, reason: 'the catalogue already holds data (SEED_DEMO_WORLD=always tops it up)' };
    }
    return { seeded: true, report: await this.seed() };
  }
}
