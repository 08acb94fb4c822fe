import { Query } from '@nestjs/cqrs';
import type { SimOperation } from '../../domain/operation.js';

export class GetOperationQuery extends Query<SimOperation> {
  constructor(
    readonly partner: string,
    readonly id: string,
  ) {
    super();
  }
}
