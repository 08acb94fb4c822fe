import { Query } from '@nestjs/cqrs';
import type { Fault } from '../../domain/fault.js';

export class ListFaultsQuery extends Query<Fault[]> {
  constructor(readonly partner: string) {
    super();
  }
}
