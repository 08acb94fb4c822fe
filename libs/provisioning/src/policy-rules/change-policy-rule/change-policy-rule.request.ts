import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsObject } from 'class-validator';
import { IsAbsentOrValid } from '#libs/core/src/http/validation.js';
import { RuleDescription, RuleName } from '../policy-rule-text.js';

@ApiSchema({ description: 'Name at least one field; those left out keep their value. The kind never changes. Each change makes a new version.' })
export class ChangePolicyRuleRequest {
  @RuleName(true)
  name?: string;

  @RuleDescription(true)
  description?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsAbsentOrValid()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: Object, description: 'Replaces the parameters whole; their shape depends on the kind.' })
  @IsAbsentOrValid()
  @IsObject()
  params?: Record<string, unknown>;
}
