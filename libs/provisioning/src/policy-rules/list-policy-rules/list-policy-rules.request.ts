import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBooleanString, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import { POLICY_RULE_KINDS, type PolicyRuleKind } from '#libs/policy/src/policy-rule.js';

export class ListPolicyRulesRequest extends PageQueryDto {
  @ApiPropertyOptional({ enum: POLICY_RULE_KINDS })
  @IsOptional()
  @IsIn(POLICY_RULE_KINDS)
  kind?: PolicyRuleKind;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsBooleanString({ message: 'enabled must be true or false' })
  enabled?: string;
}
