import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject } from 'class-validator';
import { IsAbsentOrValid } from '#libs/core/src/http/validation.js';
import { POLICY_RULE_KINDS, type PolicyRuleKind } from '#libs/policy/src/policy-rule.js';
import { RuleDescription, RuleName } from '../policy-rule-text.js';

export class CreatePolicyRuleRequest {
  @ApiProperty({ enum: POLICY_RULE_KINDS })
  @IsIn(POLICY_RULE_KINDS)
  kind: PolicyRuleKind;

  @RuleName(false)
  name: string;

  @RuleDescription(false)
  description: string;

  @ApiPropertyOptional({ type: Boolean, default: true })
  @IsAbsentOrValid()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ type: Object, description: "The rule's parameters; their shape depends on `kind` (see the seeded rules)." })
  @IsObject()
  params: Record<string, unknown>;
}
