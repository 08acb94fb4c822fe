import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { SizeRow } from '../../persistence/catalogue.entities.js';
import { type SizeResponse, toSizeResponse } from '../size.response.js';
import { GetSizeQuery } from './get-size.query.js';

@QueryHandler(GetSizeQuery)
export class GetSizeHandler implements IQueryHandler<GetSizeQuery> {
  constructor(@InjectRepository(SizeRow) private readonly rows: Repository<SizeRow>) {}

  async execute({ code }: GetSizeQuery): Promise<SizeResponse> {
    const row = await this.rows.findOneBy({ code });
    if (!row) throw new NotFoundError('size', code);
    return toSizeResponse(row);
  }
}
