import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { GetPolicyRuleQuery } from '../get-policy-rule/get-policy-rule.handler.js';
import { PolicyRuleResponse } from '../policy-rule.response.js';
import { CreatePolicyRuleCommand } from './create-policy-rule.handler.js';
import { CreatePolicyRuleRequest } from './create-policy-rule.request.js';

@ApiTags('policy-rules')
@Controller('v1/policy-rules')
export class CreatePolicyRuleHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access({ roles: PLATFORM_ONLY })
  @ApiCreatedResponse({ type: PolicyRuleResponse, description: 'Version 1 of the rule; it applies to requests submitted from now on.' })
  async create(@Body() body: CreatePolicyRuleRequest, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) res: Response): Promise<PolicyRuleResponse> {
    const id = await this.commands.execute(
      new CreatePolicyRuleCommand(caller, { kind: body.kind, name: body.name, description: body.description, enabled: body.enabled ?? true, params: body.params }),
    );
    res.location(`/v1/policy-rules/${id}`);
    return this.queries.execute(new GetPolicyRuleQuery(id));
  }
}
