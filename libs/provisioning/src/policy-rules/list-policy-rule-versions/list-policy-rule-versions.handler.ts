import { Query, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { PolicyRuleVersionRow } from '../../persistence/provisioning.entities.js';
import { PolicyRuleStore } from '../policy-rule.store.js';
import { type PolicyRuleVersionResponse, toPolicyRuleVersionResponse } from '../policy-rule.response.js';

export class ListPolicyRuleVersionsQuery extends Query<{ items: PolicyRuleVersionResponse[] }> {
  constructor(readonly id: string) {
    super();
  }
}

/** A rule's whole history, oldest first: what a decision that names a version saw. */
@QueryHandler(ListPolicyRuleVersionsQuery)
export class ListPolicyRuleVersionsHandler implements IQueryHandler<ListPolicyRuleVersionsQuery> {
  constructor(
    private readonly store: PolicyRuleStore,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ id }: ListPolicyRuleVersionsQuery): Promise<{ items: PolicyRuleVersionResponse[] }> {
    const rule = await this.store.find(id);
    const rows = await this.dataSource.getRepository(PolicyRuleVersionRow).find({ where: { ruleId: rule.id }, order: { version: 'ASC' } });
    return { items: rows.map(toPolicyRuleVersionResponse) };
  }
}
