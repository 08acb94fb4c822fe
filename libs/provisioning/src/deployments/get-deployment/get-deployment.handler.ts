import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { type DeploymentResponse, readDeployment } from '../deployment.response.js';
import { GetDeploymentQuery } from './get-deployment.query.js';

@QueryHandler(GetDeploymentQuery)
export class GetDeploymentHandler implements IQueryHandler<GetDeploymentQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ id }: GetDeploymentQuery): Promise<DeploymentResponse> {
    const deployment = await readDeployment(this.dataSource.manager, id);
    if (!deployment) throw new NotFoundError('deployment', id);
    return deployment;
  }
}
