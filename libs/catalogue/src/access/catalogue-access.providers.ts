import { CatalogueScope } from './catalogue-scope.js';
import { ImageVisibility, JurisdictionVisibility, RegionVisibility, SizeVisibility } from './reference-data.visibility.js';
import { DataCentreVisibility, PartnerVisibility, TenantVisibility } from './scoped.visibility.js';

// Registered by CatalogueModule: the authorization guard finds the visibility checks that the
// controllers' @Access rules name through ModuleRef, and list handlers inject CatalogueScope.
export const catalogueAccessProviders = [
  CatalogueScope,
  RegionVisibility,
  JurisdictionVisibility,
  ImageVisibility,
  SizeVisibility,
  PartnerVisibility,
  DataCentreVisibility,
  TenantVisibility,
];
