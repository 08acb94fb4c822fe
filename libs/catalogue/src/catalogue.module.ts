import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { catalogueAccessProviders } from './access/catalogue-access.providers.js';
import { catalogueItemHandlers, catalogueItemHttpControllers } from './catalogue-items/catalogue-items.use-cases.js';
import { dataCentreHandlers, dataCentreHttpControllers } from './data-centres/data-centres.use-cases.js';
import {
  DataCentreRepository,
  ImageRepository,
  JurisdictionRepository,
  PartnerRepository,
  RegionRepository,
  SizeRepository,
  TenantRepository,
} from './domain/catalogue.repositories.js';
import { jurisdictionHandlers, jurisdictionHttpControllers } from './jurisdictions/jurisdictions.use-cases.js';
import { partnerHandlers, partnerHttpControllers } from './partners/partners.use-cases.js';
import { catalogueEntities } from './persistence/catalogue.entities.js';
import {
  TypeOrmDataCentreRepository,
  TypeOrmImageRepository,
  TypeOrmJurisdictionRepository,
  TypeOrmPartnerRepository,
  TypeOrmRegionRepository,
  TypeOrmSizeRepository,
  TypeOrmTenantRepository,
} from './persistence/catalogue.typeorm-repositories.js';
import { tenantHandlers, tenantHttpControllers } from './tenants/tenants.use-cases.js';

/** The HTTP adapters of the catalogue's use cases; the API app registers them. */
export const catalogueHttpControllers = [
  ...jurisdictionHttpControllers,
  ...partnerHttpControllers,
  ...dataCentreHttpControllers,
  ...tenantHttpControllers,
  ...catalogueItemHttpControllers,
];

const handlers = [
  ...jurisdictionHandlers,
  ...partnerHandlers,
  ...dataCentreHandlers,
  ...tenantHandlers,
  ...catalogueItemHandlers,
];

const repositories = [
  { provide: RegionRepository, useClass: TypeOrmRegionRepository },
  { provide: JurisdictionRepository, useClass: TypeOrmJurisdictionRepository },
  { provide: PartnerRepository, useClass: TypeOrmPartnerRepository },
  { provide: DataCentreRepository, useClass: TypeOrmDataCentreRepository },
  { provide: TenantRepository, useClass: TypeOrmTenantRepository },
  { provide: ImageRepository, useClass: TypeOrmImageRepository },
  { provide: SizeRepository, useClass: TypeOrmSizeRepository },
];

@Module({
  imports: [TypeOrmModule.forFeature(catalogueEntities)],
  providers: [...handlers, ...repositories, ...catalogueAccessProviders],
  exports: [...repositories],
})
export class CatalogueModule {}
