import { Query } from '@nestjs/cqrs';
import type { TenantResponse } from '../tenant.response.js';

export class GetTenantQuery extends Query<TenantResponse> {
  constructor(readonly id: string) {
    super();
  }
}
