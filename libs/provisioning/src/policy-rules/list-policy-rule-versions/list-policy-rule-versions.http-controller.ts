import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import type { PolicyRuleVersionResponse } from '../policy-rule.response.js';
import { ListPolicyRuleVersionsQuery } from './list-policy-rule-versions.handler.js';

@ApiTags('policy-rules')
@Controller('v1/policy-rules')
export class ListPolicyRuleVersionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/versions')
  @Access({ roles: EVERY_ROLE })
  list(@Param('id') id: string): Promise<{ items: PolicyRuleVersionResponse[] }> {
    return this.queries.execute(new ListPolicyRuleVersionsQuery(id));
  }
}
