import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Fault } from '../../domain/fault.js';
import { FaultRepository } from '../../domain/partner-sim.ports.js';
import { ListFaultsQuery } from './list-faults.query.js';

@QueryHandler(ListFaultsQuery)
export class ListFaultsHandler implements IQueryHandler<ListFaultsQuery> {
  constructor(private readonly faults: FaultRepository) {}

  execute({ partner }: ListFaultsQuery): Promise<Fault[]> {
    return this.faults.listPending(partner);
  }
}
