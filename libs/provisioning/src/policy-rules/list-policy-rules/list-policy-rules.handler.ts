import { Query, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { PolicyRuleRow } from '../../persistence/provisioning.entities.js';
import { isUuid } from '../../requests/request-id.js';
import { type PolicyRuleResponse, toPolicyRuleResponse } from '../policy-rule.response.js';
import type { ListPolicyRulesRequest } from './list-policy-rules.request.js';

export class ListPolicyRulesQuery extends Query<Page<PolicyRuleResponse>> {
  constructor(readonly filter: ListPolicyRulesRequest) {
    super();
  }
}

@QueryHandler(ListPolicyRulesQuery)
export class ListPolicyRulesHandler implements IQueryHandler<ListPolicyRulesQuery> {
  constructor(@InjectRepository(PolicyRuleRow) private readonly rows: Repository<PolicyRuleRow>) {}

  async execute({ filter }: ListPolicyRulesQuery): Promise<Page<PolicyRuleResponse>> {
    const query = this.rows.createQueryBuilder('rule');
    if (filter.kind) query.andWhere('rule.kind = :kind', { kind: filter.kind });
    if (filter.enabled) query.andWhere('rule.enabled = :enabled', { enabled: filter.enabled === 'true' });
    const page = await paginate(query, 'rule.id', (row) => row.id, filter, isUuid);
    return { ...page, items: page.items.map(toPolicyRuleResponse) };
  }
}
