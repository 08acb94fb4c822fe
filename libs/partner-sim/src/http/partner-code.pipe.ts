import { Injectable, type PipeTransform } from '@nestjs/common';
import { RequestValidationException } from '#libs/core/src/http/validation.js';
import { PARTNER_CODE_PATTERN } from '../domain/vocabulary.js';

/** Any slug names a partner backend (each code is its own); anything else is a malformed path. */
@Injectable()
export class PartnerCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PARTNER_CODE_PATTERN.test(value)) {
      throw new RequestValidationException([
        { field: 'partner', message: 'partner must be a lower-case slug of up to 40 characters, such as china-telecom' },
      ]);
    }
    return value;
  }
}
