import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { PartnerRow } from '../../persistence/catalogue.entities.js';
import { type PartnerResponse, toPartnerResponse } from '../partner.response.js';
import { GetPartnerQuery } from './get-partner.query.js';

@QueryHandler(GetPartnerQuery)
export class GetPartnerHandler implements IQueryHandler<GetPartnerQuery> {
  constructor(@InjectRepository(PartnerRow) private readonly rows: Repository<PartnerRow>) {}

  async execute({ code }: GetPartnerQuery): Promise<PartnerResponse> {
    const row = await this.rows.findOneBy({ code });
    if (!row) throw new NotFoundError('partner', code);
    return toPartnerResponse(row);
  }
}
