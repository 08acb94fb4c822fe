import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { isImageId } from '../catalogue-items/image-id.js';
import { CODE_PATTERN, COUNTRY_CODE_PATTERN } from '../domain/vocabulary.js';
import { ImageRow, JurisdictionRow, RegionRow, SizeRow } from '../persistence/catalogue.entities.js';
import { CatalogueObjectVisibility } from './catalogue-object.visibility.js';

// Reference data is everyone's to read: an object is visible if it exists. Checking existence
// before the role makes a write by a role that may not write a 403 only for an object that exists.

@Injectable()
export class RegionVisibility extends CatalogueObjectVisibility {
  protected readonly resource = 'region';
  protected readonly param = 'code';

  constructor(@InjectRepository(RegionRow) private readonly rows: Repository<RegionRow>) {
    super();
  }

  protected isWellFormed(code: string): boolean {
    return CODE_PATTERN.test(code);
  }

  protected isVisible(_caller: Caller, code: string): Promise<boolean> {
    return this.rows.existsBy({ code });
  }
}

@Injectable()
export class JurisdictionVisibility extends CatalogueObjectVisibility {
  protected readonly resource = 'jurisdiction';
  protected readonly param = 'country';

  constructor(@InjectRepository(JurisdictionRow) private readonly rows: Repository<JurisdictionRow>) {
    super();
  }

  protected isWellFormed(country: string): boolean {
    return COUNTRY_CODE_PATTERN.test(country);
  }

  protected isVisible(_caller: Caller, country: string): Promise<boolean> {
    return this.rows.existsBy({ country });
  }
}

@Injectable()
export class ImageVisibility extends CatalogueObjectVisibility {
  protected readonly resource = 'image';
  protected readonly param = 'id';

  constructor(@InjectRepository(ImageRow) private readonly rows: Repository<ImageRow>) {
    super();
  }

  protected isWellFormed(id: string): boolean {
    return isImageId(id);
  }

  protected isVisible(_caller: Caller, id: string): Promise<boolean> {
    return this.rows.existsBy({ id });
  }
}

@Injectable()
export class SizeVisibility extends CatalogueObjectVisibility {
  protected readonly resource = 'size';
  protected readonly param = 'code';

  constructor(@InjectRepository(SizeRow) private readonly rows: Repository<SizeRow>) {
    super();
  }

  protected isWellFormed(code: string): boolean {
    return CODE_PATTERN.test(code);
  }

  protected isVisible(_caller: Caller, code: string): Promise<boolean> {
    return this.rows.existsBy({ code });
  }
}
