import { ChangeJurisdictionHandler } from './change-jurisdiction/change-jurisdiction.handler.js';
import { ChangeJurisdictionHttpController } from './change-jurisdiction/change-jurisdiction.http-controller.js';
import { GetJurisdictionHandler } from './get-jurisdiction/get-jurisdiction.handler.js';
import { GetJurisdictionHttpController } from './get-jurisdiction/get-jurisdiction.http-controller.js';
import { GetRegionHandler } from './get-region/get-region.handler.js';
import { GetRegionHttpController } from './get-region/get-region.http-controller.js';
import { ListJurisdictionsHandler } from './list-jurisdictions/list-jurisdictions.handler.js';
import { ListJurisdictionsHttpController } from './list-jurisdictions/list-jurisdictions.http-controller.js';
import { ListRegionsHandler } from './list-regions/list-regions.handler.js';
import { ListRegionsHttpController } from './list-regions/list-regions.http-controller.js';
import { RegisterJurisdictionHandler } from './register-jurisdiction/register-jurisdiction.handler.js';
import { RegisterJurisdictionHttpController } from './register-jurisdiction/register-jurisdiction.http-controller.js';
import { RegisterRegionHandler } from './register-region/register-region.handler.js';
import { RegisterRegionHttpController } from './register-region/register-region.http-controller.js';

// Handlers and HTTP adapters of this area's use cases, registered by CatalogueModule and the API app.
export const jurisdictionHandlers = [
  RegisterRegionHandler,
  ListRegionsHandler,
  GetRegionHandler,
  RegisterJurisdictionHandler,
  ListJurisdictionsHandler,
  GetJurisdictionHandler,
  ChangeJurisdictionHandler,
];
export const jurisdictionHttpControllers = [
  RegisterRegionHttpController,
  ListRegionsHttpController,
  GetRegionHttpController,
  RegisterJurisdictionHttpController,
  ListJurisdictionsHttpController,
  GetJurisdictionHttpController,
  ChangeJurisdictionHttpController,
];
