import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { COUNTRY_CODE_PATTERN } from '../../domain/vocabulary.js';
import { JurisdictionRow } from '../../persistence/catalogue.entities.js';
import { type JurisdictionResponse, toJurisdictionResponse } from '../jurisdiction.response.js';
import { GetJurisdictionQuery } from './get-jurisdiction.query.js';

@QueryHandler(GetJurisdictionQuery)
export class GetJurisdictionHandler implements IQueryHandler<GetJurisdictionQuery> {
  constructor(@InjectRepository(JurisdictionRow) private readonly rows: Repository<JurisdictionRow>) {}

  async execute({ country }: GetJurisdictionQuery): Promise<JurisdictionResponse> {
    // Anything but two capitals cannot exist, and must not reach a char(2) column as a SQL error.
    const row = COUNTRY_CODE_PATTERN.test(country) ? await this.rows.findOneBy({ country }) : null;
    if (!row) throw new NotFoundError('jurisdiction', country);
    return toJurisdictionResponse(row);
  }
}
