import { Query } from '@nestjs/cqrs';
import type { JurisdictionResponse } from '../jurisdiction.response.js';

export class GetJurisdictionQuery extends Query<JurisdictionResponse> {
  constructor(readonly country: string) {
    super();
  }
}
