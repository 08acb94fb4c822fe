import { OS_FAMILIES, type OsFamily, TENANT_SEGMENTS, type TenantSegment } from '#libs/catalogue/src/domain/vocabulary.js';
import {
  booleanField,
  countryField,
  type FieldCheck,
  type FieldError,
  hasAnyOf,
  listOf,
  objectField,
  oneOf,
  positiveInteger,
  text,
} from './field-checks.js';

/**
 * A policy rule is data: platform operators list, add and edit rules over the API, and every
 * decision records the id and version of each rule it used, so a decision can be explained later
 * even after the rule changed.
 */
export const POLICY_RULE_KINDS = [
  'tenant-status',
  'tenant-residency',
  'jurisdiction-residency',
  'procurement-exclusion',
  'service-availability',
  'data-centre-status',
  'quota',
  'approval',
] as const;
export type PolicyRuleKind = (typeof POLICY_RULE_KINDS)[number];

/** Rules whose facts come from elsewhere (tenant, site, quota) take no parameters. */
export type NoParams = Record<string, never>;

export interface JurisdictionResidencyParams {
  country: string;
  /** The least residency tenants at home in `country` get, whatever their own setting. */
  residency: 'in-country' | 'in-region';
  /** When true, every site in `country` must be partner-operated, whoever the tenant. */
  partnerOperatedOnly: boolean;
}

/** Matches an image when every field given matches; at least one field is given. */
export interface ImageMatcher {
  /** Compared without regard to case. */
  vendor?: string;
  osFamily?: OsFamily;
  /** Matches at a version boundary: '8' matches '8', '8.1' and '8 SP1', not '80'. */
  versionPrefix?: string;
}

export interface ProcurementExclusionParams {
  /** Applies to tenants at home in this country... */
  country: string;
  /** ...and in one of these segments. */
  segments: TenantSegment[];
  images: ImageMatcher[];
  /** Quoted in the refusal, so the operator knows why. */
  rationale: string;
}

/** The request needs approval when the tenant's segment is listed or the demand reaches any threshold. */
export interface ApprovalParams {
  segments?: TenantSegment[];
  minVcpu?: number;
  minMemoryGib?: number;
  minStorageGib?: number;
  minVms?: number;
  reason: string;
}

export interface PolicyRuleParamsByKind {
  'tenant-status': NoParams;
  'tenant-residency': NoParams;
  'jurisdiction-residency': JurisdictionResidencyParams;
  'procurement-exclusion': ProcurementExclusionParams;
  'service-availability': NoParams;
  'data-centre-status': NoParams;
  quota: NoParams;
  approval: ApprovalParams;
}

interface PolicyRuleHeader {
  id: string;
  version: number;
  name: string;
  description: string;
  enabled: boolean;
}

export type PolicyRule = {
  [K in PolicyRuleKind]: PolicyRuleHeader & { kind: K; params: PolicyRuleParamsByKind[K] };
}[PolicyRuleKind];

export type PolicyRuleOfKind<K extends PolicyRuleKind> = Extract<PolicyRule, { kind: K }>;

export type PolicyRuleFieldError = FieldError;

const segments = listOf(oneOf(TENANT_SEGMENTS));

const MATCHER_FIELDS = ['vendor', 'osFamily', 'versionPrefix'] as const;

const imageMatcher = objectField(
  { vendor: text(100), osFamily: oneOf(OS_FAMILIES), versionPrefix: text(50) },
  [],
  (matcher, field) =>
    hasAnyOf(matcher, MATCHER_FIELDS) ? [] : [{ field, message: `${field} must give at least one of ${MATCHER_FIELDS.join(', ')}` }],
);

const APPROVAL_TRIGGERS = ['segments', 'minVcpu', 'minMemoryGib', 'minStorageGib', 'minVms'] as const;

/** What each kind's params must look like; `required` lists the fields that must be present. */
const PARAMS_CHECKS: Record<PolicyRuleKind, FieldCheck> = {
  'tenant-status': objectField({}),
  'tenant-residency': objectField({}),
  'jurisdiction-residency': objectField(
    { country: countryField, residency: oneOf(['in-country', 'in-region'] as const), partnerOperatedOnly: booleanField },
    ['country', 'residency', 'partnerOperatedOnly'],
  ),
  'procurement-exclusion': objectField(
    { country: countryField, segments, images: listOf(imageMatcher), rationale: text(500) },
    ['country', 'segments', 'images', 'rationale'],
  ),
  'service-availability': objectField({}),
  'data-centre-status': objectField({}),
  quota: objectField({}),
  approval: objectField(
    {
      segments,
      minVcpu: positiveInteger,
      minMemoryGib: positiveInteger,
      minStorageGib: positiveInteger,
      minVms: positiveInteger,
      reason: text(500),
    },
    ['reason'],
    // A rule with no trigger would never ask for approval: almost certainly a mistake.
    (params, field) =>
      hasAnyOf(params, APPROVAL_TRIGGERS)
        ? []
        : [{ field, message: `${field} must give at least one of ${APPROVAL_TRIGGERS.join(', ')}` }],
  ),
};

export const isPolicyRuleKind = (kind: unknown): kind is PolicyRuleKind =>
  typeof kind === 'string' && (POLICY_RULE_KINDS as readonly string[]).includes(kind);

/**
 * Field errors of a rule's kind and params as an operator sent them; empty when valid. Strict:
 * unknown fields are errors, nothing is coerced. Fields are named `kind`, `params`,
 * `params.images.0.vendor`, as the API's other field errors are.
 */
export function validatePolicyRuleInput(kind: unknown, params: unknown): PolicyRuleFieldError[] {
  if (!isPolicyRuleKind(kind)) {
    return [{ field: 'kind', message: `kind must be one of: ${POLICY_RULE_KINDS.join(', ')}` }];
  }
  if (params === undefined) return [{ field: 'params', message: 'params is required' }];
  return PARAMS_CHECKS[kind](params, 'params');
}
