import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OperationLedger } from '../../domain/partner-sim.ports.js';
import type { SimResource } from '../../domain/resource.js';
import { PARTNER_SIM_DATA_SOURCE } from '../../persistence/partner-sim-data-source.js';
import { ResourceRow } from '../../persistence/partner-sim.entities.js';
import { resourceMapper } from '../../persistence/partner-sim.mappers.js';
import { PartnerGate } from '../../simulation/partner-gate.js';
import { ListResourcesQuery } from './list-resources.query.js';

@QueryHandler(ListResourcesQuery)
export class ListResourcesHandler implements IQueryHandler<ListResourcesQuery> {
  constructor(
    @InjectRepository(ResourceRow, PARTNER_SIM_DATA_SOURCE) private readonly rows: Repository<ResourceRow>,
    private readonly ledger: OperationLedger,
    private readonly gate: PartnerGate,
  ) {}

  async execute({ partner, filter, through }: ListResourcesQuery): Promise<SimResource[]> {
    if (through === 'partner-api') await this.gate.admit(partner);
    // Not a change the caller makes: the simulator's clock catching up before it reports.
    await this.ledger.settleDue(partner);
    const query = this.rows.createQueryBuilder('resource').where('resource.partner = :partner', { partner });
    if (filter.request !== undefined) query.andWhere(`resource.labels ->> 'request' = :request`, { request: filter.request });
    if (filter.tenant !== undefined) query.andWhere(`resource.labels ->> 'tenant' = :tenant`, { tenant: filter.tenant });
    if (filter.type !== undefined) query.andWhere('resource.type = :type', { type: filter.type });
    if (filter.state === undefined) query.andWhere(`resource.state <> 'deleted'`);
    else if (filter.state !== 'all') query.andWhere('resource.state = :state', { state: filter.state });
    const rows = await query.orderBy('resource.createdAt').addOrderBy('resource.id').getMany();
    return rows.map(resourceMapper.toDomain);
  }
}
