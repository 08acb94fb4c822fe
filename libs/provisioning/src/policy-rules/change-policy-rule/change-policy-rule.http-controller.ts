import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { RequestValidationException } from '#libs/core/src/http/validation.js';
import { GetPolicyRuleQuery } from '../get-policy-rule/get-policy-rule.handler.js';
import { PolicyRuleResponse } from '../policy-rule.response.js';
import { ChangePolicyRuleCommand, type PolicyRuleChanges } from './change-policy-rule.handler.js';
import { ChangePolicyRuleRequest } from './change-policy-rule.request.js';

@ApiTags('policy-rules')
@Controller('v1/policy-rules')
export class ChangePolicyRuleHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Patch(':id')
  @Access({ roles: PLATFORM_ONLY })
  @ApiOkResponse({ type: PolicyRuleResponse })
  async change(@Param('id') id: string, @Body() body: ChangePolicyRuleRequest, @CurrentCaller() caller: Caller): Promise<PolicyRuleResponse> {
    // Only the fields sent: an absent one must not overwrite the stored value.
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as PolicyRuleChanges;
    if (Object.keys(changes).length === 0) {
      throw new RequestValidationException([{ field: '(body)', message: 'name at least one field to change: name, description, enabled or params' }]);
    }
    await this.commands.execute(new ChangePolicyRuleCommand(caller, id, changes));
    return this.queries.execute(new GetPolicyRuleQuery(id));
  }
}
