import { RequestValidationException } from '#libs/core/src/http/validation.js';
import { POLICY_RULE_KINDS, type PolicyRuleKind, validatePolicyRuleInput } from '#libs/policy/src/policy-rule.js';

/** A 400 naming every field of `params` that does not fit the kind. */
export function assertParamsFitKind(kind: PolicyRuleKind, params: Record<string, unknown>): void {
  const errors = validatePolicyRuleInput(kind, params);
  if (errors.length > 0) throw new RequestValidationException(errors);
}

/**
 * Before the rule is looked up (a bad body is a 400 whether or not the rule exists): params that
 * fit no kind of rule at all are refused with the errors of the kind they come closest to.
 */
export function assertParamsFitSomeKind(params: Record<string, unknown>): void {
  const errorsByKind = POLICY_RULE_KINDS.map((kind) => validatePolicyRuleInput(kind, params));
  if (errorsByKind.some((errors) => errors.length === 0)) return;
  throw new RequestValidationException(errorsByKind.reduce((best, errors) => (errors.length < best.length ? errors : best)));
}
