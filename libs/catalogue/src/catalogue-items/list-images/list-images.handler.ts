import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { ImageRow } from '../../persistence/catalogue.entities.js';
import { isImageId } from '../image-id.js';
import { type ImageResponse, toImageResponse } from '../image.response.js';
import { ListImagesQuery } from './list-images.query.js';

@QueryHandler(ListImagesQuery)
export class ListImagesHandler implements IQueryHandler<ListImagesQuery> {
  constructor(@InjectRepository(ImageRow) private readonly rows: Repository<ImageRow>) {}

  async execute({ filter }: ListImagesQuery): Promise<Page<ImageResponse>> {
    const query = this.rows.createQueryBuilder('image');
    if (filter.osFamily) query.andWhere('image.os_family = :osFamily', { osFamily: filter.osFamily });
    if (filter.vendor !== undefined) query.andWhere('image.vendor = :vendor', { vendor: filter.vendor });
    const page = await paginate(query, 'image.id', (row) => row.id, filter, isImageId);
    return { ...page, items: page.items.map(toImageResponse) };
  }
}
