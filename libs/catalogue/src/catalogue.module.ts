import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  DataCentreRepository,
  ImageRepository,
  JurisdictionRepository,
  PartnerRepository,
  RegionRepository,
  SizeRepository,
  TenantRepository,
} from './domain/catalogue.repositories.js';
import { GetPartnerHandler } from './partners/get-partner/get-partner.handler.js';
import { GetPartnerHttpController } from './partners/get-partner/get-partner.http-controller.js';
import { ListPartnersHandler } from './partners/list-partners/list-partners.handler.js';
import { ListPartnersHttpController } from './partners/list-partners/list-partners.http-controller.js';
import { RegisterPartnerHandler } from './partners/register-partner/register-partner.handler.js';
import { RegisterPartnerHttpController } from './partners/register-partner/register-partner.http-controller.js';
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

/** The HTTP adapters of the catalogue's use cases; the API app registers them. */
export const catalogueHttpControllers = [
  RegisterPartnerHttpController,
  ListPartnersHttpController,
  GetPartnerHttpController,
];

const handlers = [RegisterPartnerHandler, ListPartnersHandler, GetPartnerHandler];

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
  providers: [...handlers, ...repositories],
  exports: [...repositories],
})
export class CatalogueModule {}
