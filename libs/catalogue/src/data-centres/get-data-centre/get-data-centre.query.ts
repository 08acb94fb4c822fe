import { Query } from '@nestjs/cqrs';
import type { DataCentreResponse } from '../data-centre.response.js';

export class GetDataCentreQuery extends Query<DataCentreResponse> {
  constructor(readonly code: string) {
    super();
  }
}
