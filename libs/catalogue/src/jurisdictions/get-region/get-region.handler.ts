import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { CODE_PATTERN } from '../../domain/vocabulary.js';
import { RegionRow } from '../../persistence/catalogue.entities.js';
import { type RegionResponse, toRegionResponse } from '../region.response.js';
import { GetRegionQuery } from './get-region.query.js';

@QueryHandler(GetRegionQuery)
export class GetRegionHandler implements IQueryHandler<GetRegionQuery> {
  constructor(@InjectRepository(RegionRow) private readonly rows: Repository<RegionRow>) {}

  async execute({ code }: GetRegionQuery): Promise<RegionResponse> {
    // A code no region can have never reaches SQL (a NUL byte would make PostgreSQL fail).
    const row = CODE_PATTERN.test(code) ? await this.rows.findOneBy({ code }) : null;
    if (!row) throw new NotFoundError('region', code);
    return toRegionResponse(row);
  }
}
