import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { ImageRow } from '../../persistence/catalogue.entities.js';
import { isImageId } from '../image-id.js';
import { type ImageResponse, toImageResponse } from '../image.response.js';
import { GetImageQuery } from './get-image.query.js';

@QueryHandler(GetImageQuery)
export class GetImageHandler implements IQueryHandler<GetImageQuery> {
  constructor(@InjectRepository(ImageRow) private readonly rows: Repository<ImageRow>) {}

  async execute({ id }: GetImageQuery): Promise<ImageResponse> {
    const row = isImageId(id) ? await this.rows.findOneBy({ id }) : null;
    if (!row) throw new NotFoundError('image', id);
    return toImageResponse(row);
  }
}
