import { ApproveProvisioningRequestHandler } from './approve-provisioning-request/approve-provisioning-request.handler.js';
import { ApproveProvisioningRequestHttpController } from './approve-provisioning-request/approve-provisioning-request.http-controller.js';
import { RejectProvisioningRequestHandler } from './reject-provisioning-request/reject-provisioning-request.handler.js';
import { RejectProvisioningRequestHttpController } from './reject-provisioning-request/reject-provisioning-request.http-controller.js';

export const approvalHandlers = [ApproveProvisioningRequestHandler, RejectProvisioningRequestHandler];
export const approvalHttpControllers = [ApproveProvisioningRequestHttpController, RejectProvisioningRequestHttpController];
