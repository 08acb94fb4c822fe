import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { PolicyRuleResponse } from '../policy-rule.response.js';
import { ListPolicyRulesQuery } from './list-policy-rules.handler.js';
import { ListPolicyRulesRequest } from './list-policy-rules.request.js';

// Every role reads the rules: a decision quotes them, and whoever is refused may read what refused them.
@ApiTags('policy-rules')
@Controller('v1/policy-rules')
export class ListPolicyRulesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: EVERY_ROLE })
  list(@Query() filter: ListPolicyRulesRequest): Promise<Page<PolicyRuleResponse>> {
    return this.queries.execute(new ListPolicyRulesQuery(filter));
  }
}
