import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import { PolicyRuleResponse } from '../policy-rule.response.js';
import { GetPolicyRuleQuery } from './get-policy-rule.handler.js';

@ApiTags('policy-rules')
@Controller('v1/policy-rules')
export class GetPolicyRuleHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Access({ roles: EVERY_ROLE })
  @ApiOkResponse({ type: PolicyRuleResponse })
  get(@Param('id') id: string): Promise<PolicyRuleResponse> {
    return this.queries.execute(new GetPolicyRuleQuery(id));
  }
}
