import { ApiProperty } from '@nestjs/swagger';
import { POLICY_RULE_KINDS, type PolicyRuleKind } from '#libs/policy/src/policy-rule.js';
import type { PolicyRuleRow, PolicyRuleVersionRow } from '../persistence/provisioning.entities.js';

export class PolicyRuleResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: POLICY_RULE_KINDS }) kind: PolicyRuleKind;
  @ApiProperty({ example: 'China: in-country, partner-operated only' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: Object, description: 'What the rule checks; its shape depends on `kind`.' }) params: Record<string, unknown>;
  @ApiProperty({ description: 'Starts at 1; every change adds one. Decisions name the version they used.' }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class PolicyRuleVersionResponse {
  @ApiProperty({ format: 'uuid' }) ruleId: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: POLICY_RULE_KINDS }) kind: PolicyRuleKind;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: Object }) params: Record<string, unknown>;
  @ApiProperty({ description: 'The API key (or `migration`) that wrote this version.' }) changedBy: string;
  @ApiProperty() changedAt: string;
}

export const toPolicyRuleResponse = (row: PolicyRuleRow): PolicyRuleResponse => ({
  id: row.id,
  kind: row.kind as PolicyRuleKind,
  name: row.name,
  description: row.description,
  enabled: row.enabled,
  params: row.params,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const toPolicyRuleVersionResponse = (row: PolicyRuleVersionRow): PolicyRuleVersionResponse => ({
  ruleId: row.ruleId,
  version: row.version,
  kind: row.kind as PolicyRuleKind,
  name: row.name,
  description: row.description,
  enabled: row.enabled,
  params: row.params,
  changedBy: row.changedBy,
  changedAt: row.changedAt.toISOString(),
});
