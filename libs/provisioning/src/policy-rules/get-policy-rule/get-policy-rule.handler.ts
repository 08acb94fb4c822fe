import { Query, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PolicyRuleStore } from '../policy-rule.store.js';
import { type PolicyRuleResponse, toPolicyRuleResponse } from '../policy-rule.response.js';

export class GetPolicyRuleQuery extends Query<PolicyRuleResponse> {
  constructor(readonly id: string) {
    super();
  }
}

@QueryHandler(GetPolicyRuleQuery)
export class GetPolicyRuleHandler implements IQueryHandler<GetPolicyRuleQuery> {
  constructor(private readonly store: PolicyRuleStore) {}

  async execute({ id }: GetPolicyRuleQuery): Promise<PolicyRuleResponse> {
    return toPolicyRuleResponse(await this.store.find(id));
  }
}
