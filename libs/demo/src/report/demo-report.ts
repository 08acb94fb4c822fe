import type { ProvisioningRequestView, RequestStatus } from '../client/api-views.js';

/** One request a scenario made, as the report keeps it: enough to see what happened and why. */
export interface RequestRecord {
  /** The scenario's name for it: stable from run to run, unlike the id. */
  label: string;
  id: string | null;
  tenant: string;
  /** The status the submission answered with (e.g. 422 for a refusal). */
  httpStatus: number;
  finalStatus: RequestStatus | null;
  dataCentre: string | null;
  partner: string | null;
  /** The decisive reason: the refusing rule, the failure, or why the site won. */
  reason: string | null;
  /** The policy decision in brief: allowed or not, the rules that refused, the sites ruled out. */
  decision: { allowed: boolean; refusedBy: string[]; sitesRuledOut: string[] } | null;
  steps: { name: string; status: string; attempts: number; compensationAttempts: number }[];
  submittedAt: string;
  settledAt: string | null;
  durationMs: number | null;
}

export interface ScenarioResult {
  name: string;
  title: string;
  expected: string;
  actual: string;
  passed: boolean;
  /** Why it did not pass; null when it did. */
  failure: string | null;
  durationMs: number;
  requests: RequestRecord[];
}

export interface DemoReport {
  seed: number;
  fast: boolean;
  infrastructure: string;
  startedAt: string;
  durationMs: number;
  passed: boolean;
  scenarios: ScenarioResult[];
}

/** The partner running the chosen site, read from the placement the API recorded. */
export const partnerOf = (request: ProvisioningRequestView): string | null =>
  request.placement?.candidates.find((c) => c.outcome === 'chosen')?.operator ?? null;

/** The one sentence that says why a request ended as it did. */
export function decisiveReason(request: ProvisioningRequestView): string | null {
  if (request.failure?.detail) return request.failure.detail;
  const failing = request.decision?.request.find((result) => !result.passed);
  if (failing) return `${failing.kind}: ${failing.reason}`;
  return request.placement?.reason ?? null;
}

export function recordOf(label: string, tenant: string, httpStatus: number, submittedAt: Date, request: ProvisioningRequestView | null): RequestRecord {
  const settled = request === null ? null : new Date(request.updatedAt);
  return {
    label,
    id: request?.id ?? null,
    tenant,
    httpStatus,
    finalStatus: request?.status ?? null,
    dataCentre: request?.dataCentre ?? null,
    partner: request === null ? null : partnerOf(request),
    reason: request === null ? null : decisiveReason(request),
    decision: request?.decision ? decisionSummary(request.decision) : null,
    steps: (request?.steps ?? []).map((step) => ({
      name: step.name,
      status: step.status,
      attempts: step.attempts,
      compensationAttempts: step.compensationAttempts,
    })),
    submittedAt: submittedAt.toISOString(),
    settledAt: settled?.toISOString() ?? null,
    durationMs: settled === null ? null : Math.max(0, settled.getTime() - submittedAt.getTime()),
  };
}

function decisionSummary(decision: NonNullable<ProvisioningRequestView['decision']>): RequestRecord['decision'] {
  const refusing = [...decision.request, ...decision.candidates.flatMap((c) => c.results)].filter((r) => !r.passed).map((r) => r.kind);
  return {
    allowed: decision.allowed,
    refusedBy: [...new Set(refusing)].sort(),
    sitesRuledOut: decision.candidates.filter((c) => !c.compliant).map((c) => c.dataCentre),
  };
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The closing table: a row per scenario, plain text that stays aligned in any log. */
export function summaryTable(results: readonly ScenarioResult[]): string[] {
  const rows = results.map((r, i) => [`${i + 1}`, r.name, r.expected, r.actual, seconds(r.durationMs), r.passed ? 'pass' : 'FAIL']);
  const header = ['#', 'scenario', 'expected outcome', 'actual outcome', 'time', 'result'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const render = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(render)];
}
