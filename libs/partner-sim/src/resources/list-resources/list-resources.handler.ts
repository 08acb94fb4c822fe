import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OperationLedger } from '../../domain/partner-sim.ports.js';
import type { SimResource } from '../../domain/resource.js';
import { PartnerGate } from '../../simulation/partner-gate.js';
import { ListResourcesQuery } from './list-resources.query.js';

@QueryHandler(ListResourcesQuery)
export class ListResourcesHandler implements IQueryHandler<ListResourcesQuery> {
  constructor(
    private readonly ledger: OperationLedger,
    private readonly gate: PartnerGate,
  ) {}

  async execute({ partner, filter, through }: ListResourcesQuery): Promise<SimResource[]> {
    if (through === 'partner-api') await this.gate.admit(partner, { action: 'list', filter });
    // The simulator's clock catching up before it reports is the ledger's (not a change the caller makes).
    return this.ledger.listResources(partner, filter);
  }
}
