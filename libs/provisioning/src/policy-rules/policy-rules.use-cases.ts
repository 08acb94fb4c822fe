import { ChangePolicyRuleHandler } from './change-policy-rule/change-policy-rule.handler.js';
import { ChangePolicyRuleHttpController } from './change-policy-rule/change-policy-rule.http-controller.js';
import { CreatePolicyRuleHandler } from './create-policy-rule/create-policy-rule.handler.js';
import { CreatePolicyRuleHttpController } from './create-policy-rule/create-policy-rule.http-controller.js';
import { GetPolicyRuleHandler } from './get-policy-rule/get-policy-rule.handler.js';
import { GetPolicyRuleHttpController } from './get-policy-rule/get-policy-rule.http-controller.js';
import { ListPolicyRuleVersionsHandler } from './list-policy-rule-versions/list-policy-rule-versions.handler.js';
import { ListPolicyRuleVersionsHttpController } from './list-policy-rule-versions/list-policy-rule-versions.http-controller.js';
import { ListPolicyRulesHandler } from './list-policy-rules/list-policy-rules.handler.js';
import { ListPolicyRulesHttpController } from './list-policy-rules/list-policy-rules.http-controller.js';
import { PolicyRuleStore } from './policy-rule.store.js';

export const policyRuleHandlers = [ListPolicyRulesHandler, GetPolicyRuleHandler, ListPolicyRuleVersionsHandler, CreatePolicyRuleHandler, ChangePolicyRuleHandler];
export const policyRuleProviders = [PolicyRuleStore];
export const policyRuleHttpControllers = [
  ListPolicyRulesHttpController,
  GetPolicyRuleHttpController,
  ListPolicyRuleVersionsHttpController,
  CreatePolicyRuleHttpController,
  ChangePolicyRuleHttpController,
];
