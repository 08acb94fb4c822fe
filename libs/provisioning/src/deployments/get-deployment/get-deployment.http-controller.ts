import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import { DeploymentVisibility } from '../../access/placed-work.visibility.js';
import { DeploymentResponse } from '../deployment.response.js';
import { GetDeploymentQuery } from './get-deployment.query.js';

@ApiTags('deployments')
@Controller('v1/deployments')
export class GetDeploymentHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Access({ roles: EVERY_ROLE, object: DeploymentVisibility })
  @ApiOkResponse({ type: DeploymentResponse })
  get(@Param('id') id: string): Promise<DeploymentResponse> {
    return this.queries.execute(new GetDeploymentQuery(id));
  }
}
