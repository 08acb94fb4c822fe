import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { ObjectVisibility } from '../authorization/object-visibility.js';
import { ApiKeyRepository } from '../domain/api-key.js';
import type { Caller } from '../domain/caller.js';

/**
 * Only platform operators see keys: to anyone else every key, theirs included, is as missing as
 * one that never existed, so a scoped key cannot even learn which key ids are real.
 */
@Injectable()
export class ApiKeyVisibility extends ObjectVisibility {
  constructor(private readonly keys: ApiKeyRepository) {
    super();
  }

  async assertVisible(caller: Caller, params: Record<string, string>): Promise<void> {
    const id = params.id;
    if (caller.role !== 'platform-operator' || (await this.keys.find(id)) === null) {
      throw new NotFoundError('API key', id);
    }
  }
}
