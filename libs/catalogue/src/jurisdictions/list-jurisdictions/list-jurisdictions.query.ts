import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { JurisdictionResponse } from '../jurisdiction.response.js';
import type { ListJurisdictionsRequest } from './list-jurisdictions.request.js';

export class ListJurisdictionsQuery extends Query<Page<JurisdictionResponse>> {
  constructor(readonly filter: ListJurisdictionsRequest) {
    super();
  }
}
