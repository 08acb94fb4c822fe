import { ChangeDataCentreCapacityHandler } from './change-data-centre-capacity/change-data-centre-capacity.handler.js';
import { ChangeDataCentreCapacityHttpController } from './change-data-centre-capacity/change-data-centre-capacity.http-controller.js';
import { ChangeDataCentreStatusHandler } from './change-data-centre-status/change-data-centre-status.handler.js';
import { ChangeDataCentreStatusHttpController } from './change-data-centre-status/change-data-centre-status.http-controller.js';
import { GetDataCentreHandler } from './get-data-centre/get-data-centre.handler.js';
import { GetDataCentreHttpController } from './get-data-centre/get-data-centre.http-controller.js';
import { ListDataCentresHandler } from './list-data-centres/list-data-centres.handler.js';
import { ListDataCentresHttpController } from './list-data-centres/list-data-centres.http-controller.js';
import { RegisterDataCentreHandler } from './register-data-centre/register-data-centre.handler.js';
import { RegisterDataCentreHttpController } from './register-data-centre/register-data-centre.http-controller.js';

// Handlers and HTTP adapters of this area's use cases, registered by CatalogueModule and the API app.
export const dataCentreHandlers = [
  RegisterDataCentreHandler,
  ListDataCentresHandler,
  GetDataCentreHandler,
  ChangeDataCentreStatusHandler,
  ChangeDataCentreCapacityHandler,
];
export const dataCentreHttpControllers = [
  RegisterDataCentreHttpController,
  ListDataCentresHttpController,
  GetDataCentreHttpController,
  ChangeDataCentreStatusHttpController,
  ChangeDataCentreCapacityHttpController,
];
