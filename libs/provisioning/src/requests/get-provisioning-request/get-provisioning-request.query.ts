import { Query } from '@nestjs/cqrs';
import type { ProvisioningRequestResponse } from '../provisioning-request.response.js';

export class GetProvisioningRequestQuery extends Query<ProvisioningRequestResponse> {
  constructor(readonly id: string) {
    super();
  }
}
