import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import type { ProvisioningRequestResponse } from '../provisioning-request.response.js';
import { readProvisioningRequest } from '../provisioning-request.reader.js';
import { GetProvisioningRequestQuery } from './get-provisioning-request.query.js';

@QueryHandler(GetProvisioningRequestQuery)
export class GetProvisioningRequestHandler implements IQueryHandler<GetProvisioningRequestQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ id }: GetProvisioningRequestQuery): Promise<ProvisioningRequestResponse> {
    const request = await readProvisioningRequest(this.dataSource.manager, id);
    if (!request) throw new NotFoundError('provisioning request', id);
    return request;
  }
}
