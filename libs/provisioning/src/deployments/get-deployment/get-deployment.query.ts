import { Query } from '@nestjs/cqrs';
import type { DeploymentResponse } from '../deployment.response.js';

export class GetDeploymentQuery extends Query<DeploymentResponse> {
  constructor(readonly id: string) {
    super();
  }
}
