import { AddFaultHandler } from './add-fault/add-fault.handler.js';
import { AddFaultHttpController } from './add-fault/add-fault.http-controller.js';
import { ClearFaultsHandler } from './clear-faults/clear-faults.handler.js';
import { ClearFaultsHttpController } from './clear-faults/clear-faults.http-controller.js';
import { GetProfileHandler } from './get-profile/get-profile.handler.js';
import { GetProfileHttpController } from './get-profile/get-profile.http-controller.js';
import { InspectResourcesHttpController } from './inspect-resources/inspect-resources.http-controller.js';
import { ListFaultsHandler } from './list-faults/list-faults.handler.js';
import { ListFaultsHttpController } from './list-faults/list-faults.http-controller.js';
import { ResetProfileHandler } from './reset-profile/reset-profile.handler.js';
import { ResetProfileHttpController } from './reset-profile/reset-profile.http-controller.js';
import { SetProfileHandler } from './set-profile/set-profile.handler.js';
import { SetProfileHttpController } from './set-profile/set-profile.http-controller.js';

export const adminHandlers = [
  SetProfileHandler,
  GetProfileHandler,
  ResetProfileHandler,
  AddFaultHandler,
  ListFaultsHandler,
  ClearFaultsHandler,
];
export const adminHttpControllers = [
  SetProfileHttpController,
  GetProfileHttpController,
  ResetProfileHttpController,
  AddFaultHttpController,
  ListFaultsHttpController,
  ClearFaultsHttpController,
  InspectResourcesHttpController,
];
