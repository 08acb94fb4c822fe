import { CancelProvisioningRequestHandler } from './cancel-provisioning-request/cancel-provisioning-request.handler.js';
import { CancelProvisioningRequestHttpController } from './cancel-provisioning-request/cancel-provisioning-request.http-controller.js';
import { DryRunProvisioningRequestHandler } from './dry-run-provisioning-request/dry-run-provisioning-request.handler.js';
import { GetProvisioningRequestHandler } from './get-provisioning-request/get-provisioning-request.handler.js';
import { GetProvisioningRequestHttpController } from './get-provisioning-request/get-provisioning-request.http-controller.js';
import { ListProvisioningRequestsHandler } from './list-provisioning-requests/list-provisioning-requests.handler.js';
import { ListProvisioningRequestsHttpController } from './list-provisioning-requests/list-provisioning-requests.http-controller.js';
import { ListRequestEventsHandler } from './list-request-events/list-request-events.handler.js';
import { ListRequestEventsHttpController } from './list-request-events/list-request-events.http-controller.js';
import { RequestEventStream } from './list-request-events/request-event-stream.js';
import { SubmitProvisioningRequestHandler } from './submit-provisioning-request/submit-provisioning-request.handler.js';
import { SubmitProvisioningRequestHttpController } from './submit-provisioning-request/submit-provisioning-request.http-controller.js';

export const requestHandlers = [
  SubmitProvisioningRequestHandler,
  DryRunProvisioningRequestHandler,
  GetProvisioningRequestHandler,
  ListProvisioningRequestsHandler,
  ListRequestEventsHandler,
  CancelProvisioningRequestHandler,
];
export const requestProviders = [RequestEventStream];
export const requestHttpControllers = [
  SubmitProvisioningRequestHttpController,
  ListProvisioningRequestsHttpController,
  GetProvisioningRequestHttpController,
  ListRequestEventsHttpController,
  CancelProvisioningRequestHttpController,
];
