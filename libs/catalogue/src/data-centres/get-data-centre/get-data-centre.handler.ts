import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { CODE_PATTERN } from '../../domain/vocabulary.js';
import { DataCentreRow } from '../../persistence/catalogue.entities.js';
import { type DataCentreResponse, toDataCentreResponse } from '../data-centre.response.js';
import { GetDataCentreQuery } from './get-data-centre.query.js';

@QueryHandler(GetDataCentreQuery)
export class GetDataCentreHandler implements IQueryHandler<GetDataCentreQuery> {
  constructor(@InjectRepository(DataCentreRow) private readonly rows: Repository<DataCentreRow>) {}

  async execute({ code }: GetDataCentreQuery): Promise<DataCentreResponse> {
    // A code no data centre can have never reaches SQL (a NUL byte would make PostgreSQL fail).
    const row = CODE_PATTERN.test(code) ? await this.rows.findOneBy({ code }) : null;
    if (!row) throw new NotFoundError('data centre', code);
    return toDataCentreResponse(row);
  }
}
