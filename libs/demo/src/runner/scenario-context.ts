import { setTimeout as sleep } from 'node:timers/promises';
import type { PartnerSimAdminClient } from '#libs/partner-client/src/http/partner-sim-admin.client.js';
import { PLATFORM_DEMO_KEY } from '#libs/seed/src/demo-keys/demo-keys.js';
import { type ProblemView, type ProvisioningRequestView, SETTLED_STATUSES } from '../client/api-views.js';
import type { DemoApiClient, SubmitOptions } from '../client/demo-api-client.js';
import type { DemoDirectory, DemoTenant } from '../client/demo-directory.js';
import { decisiveReason, partnerOf, recordOf, type RequestRecord, seconds } from '../report/demo-report.js';
import type { DemoOutput } from '../report/demo-output.js';
import { ScenarioFailure } from '../scenarios/scenario.js';
import type { DemoTiming, PartnerPace } from './demo-timing.js';
import type { WorkerControl } from './worker-control.js';

export interface PartnerFailures {
  transientFailureRate?: number;
  permanentFailureRate?: number;
}

export interface Submission {
  status: number;
  /** The request, when the answer carries one (202, or a refusal that kept it as REJECTED). */
  request: ProvisioningRequestView | null;
  problem: ProblemView | null;
  headers: Headers;
}

interface Tracked {
  tenant: string;
  httpStatus: number;
  submittedAt: Date;
  latest: ProvisioningRequestView | null;
  /** Why it ended as it did, once it settled. */
  reason: string | null;
}

interface RequestEvent {
  type: string;
  data: { reason?: string } | null;
}

/** What a scenario acts through: the API as each demo key, the simulator's admin API, the output. */
export class ScenarioContext {
  private tracked = new Map<string, Tracked>();
  private readonly paces = new Map<string, PartnerPace>();
  private readonly failures = new Map<string, PartnerFailures>();

  constructor(
    readonly directory: DemoDirectory,
    readonly simulator: PartnerSimAdminClient,
    readonly worker: WorkerControl,
    readonly timing: DemoTiming,
    private readonly output: DemoOutput,
    /** Makes the simulator's random outcomes the same from run to run. */
    private readonly seed: number,
  ) {}

  /** The platform operator: everything. */
  get platform(): DemoApiClient {
    return this.directory.client(PLATFORM_DEMO_KEY);
  }

  /** A partner's operator, e.g. `china-telecom`: its data centres and approvals there. */
  partnerOperator(partner: string): DemoApiClient {
    return this.directory.client(`${partner}-operator`);
  }

  tenant(name: string): DemoTenant {
    return this.directory.tenant(name);
  }

  image(name: string): string {
    return this.directory.imageId(name);
  }

  /** How fast a partner works from now on (the simulator's latency and jitter). */
  async setPartnerPace(partner: string, pace: PartnerPace): Promise<void> {
    this.paces.set(partner, pace);
    await this.applyProfile(partner);
  }

  /** How often a partner fails from now on: transient (503/429) and permanent failure rates. */
  async setPartnerFailures(partner: string, failures: PartnerFailures): Promise<void> {
    this.failures.set(partner, { ...this.failures.get(partner), ...failures });
    await this.applyProfile(partner);
  }

  /** Every partner back to its demo pace, failing nothing, with no fault pending: each scenario starts there. */
  async resetPartners(): Promise<void> {
    this.paces.clear();
    this.failures.clear();
    for (const partner of Object.keys(this.timing.partners)) {
      await this.applyProfile(partner);
      await this.simulator.clearFaults(partner);
    }
  }

  private async applyProfile(partner: string): Promise<void> {
    const pace = this.paces.get(partner) ?? this.timing.partners[partner] ?? { latencyMs: 0, jitterMs: 0 };
    const failures = this.failures.get(partner) ?? {};
    await this.simulator.setProfile(partner, {
      ...pace,
      transientFailureRate: failures.transientFailureRate ?? 0,
      permanentFailureRate: failures.permanentFailureRate ?? 0,
      // Setting the profile restarts the partner's draws: each scenario meets the same outcomes on every run.
      seed: this.seed,
    });
  }

  /**
   * Names the requests labelled `prefix…` by where they ended (site, status, tenant) instead of
   * the order they were sent in: who wins a race differs from run to run, the outcome does not.
   */
  relabelByOutcome(prefix: string): void {
    const entries = [...this.tracked];
    const racing = entries.filter(([label]) => label.startsWith(prefix));
    const where = (t: Tracked) => t.latest?.dataCentre ?? t.latest?.status ?? `http-${t.httpStatus}`;
    const sorted = racing
      .map(([, t]) => t)
      .sort((a, b) => where(a).localeCompare(where(b)) || a.tenant.localeCompare(b.tenant));
    const counts = new Map<string, number>();
    const renamed = sorted.map((t): [string, Tracked] => {
      const n = (counts.get(where(t)) ?? 0) + 1;
      counts.set(where(t), n);
      return [`${prefix}${where(t).toLowerCase()}-${n}`, t];
    });
    this.tracked = new Map([...entries.filter(([label]) => !label.startsWith(prefix)), ...renamed]);
  }

  say(text: string): void {
    this.output.line(`  ${text}`);
  }

  check(condition: unknown, failure: string): asserts condition {
    if (!condition) throw new ScenarioFailure(failure);
  }

  /** Submits as the tenant (its own key, as its own client would) and keeps the request for the report. */
  async submit(label: string, tenant: DemoTenant, body: unknown, options: SubmitOptions = {}): Promise<Submission> {
    const submittedAt = new Date();
    // Kept in the order submitted, not in the order answered: concurrent submissions stay in one order.
    const tracked: Tracked = { tenant: tenant.name, httpStatus: 0, submittedAt, latest: null, reason: null };
    this.tracked.set(label, tracked);
    const answer = await tenant.api.submit(body, options);
    const problem = answer.status >= 400 ? (answer.body as ProblemView) : null;
    let request = answer.status === 202 ? (answer.body as ProvisioningRequestView) : null;
    // A refusal is kept as a REJECTED request: read it, as an operator would, to see the decision.
    if (problem?.requestId) request = await tenant.api.request(problem.requestId);
    Object.assign(tracked, { httpStatus: answer.status, latest: request, reason: request && decisiveReason(request) });
    if (request) this.output.settle(label, this.progressLine(label, request));
    else this.output.line(`  ${label}  ${answer.status} ${problem?.detail ?? ''}`.trimEnd());
    return { status: answer.status, request, problem, headers: answer.headers };
  }

  /** Follows a request until `until` holds (by default: it settles), one live progress line all along. */
  async watch(label: string, id: string, until: (request: ProvisioningRequestView) => boolean = settled): Promise<ProvisioningRequestView> {
    const tracked = this.tracked.get(label);
    const api = tracked ? this.tenant(tracked.tenant).api : this.platform;
    const deadline = Date.now() + this.timing.watchTimeoutMs;
    for (;;) {
      const request = await api.request(id);
      if (tracked) tracked.latest = request;
      if (tracked && settled(request)) tracked.reason = await this.reasonOf(api, request);
      if (until(request)) {
        this.output.settle(label, this.progressLine(label, request));
        return request;
      }
      this.output.progress(label, this.progressLine(label, request));
      if (Date.now() > deadline) {
        this.output.settle(label, this.progressLine(label, request));
        throw new ScenarioFailure(`${label} was still ${request.status} after ${seconds(this.timing.watchTimeoutMs)} (${stepSummary(request)}).`);
      }
      await sleep(this.timing.watchPollMs);
    }
  }

  /** A followed request's status and why it ended so, for a check's failure line. */
  outcomeOf(request: ProvisioningRequestView): string {
    const reason = [...this.tracked.values()].find((t) => t.latest?.id === request.id)?.reason ?? decisiveReason(request);
    return reason ? `${request.status} (${reason})` : request.status;
  }

  /** The requests of this scenario, in the order submitted, for the report. */
  records(): RequestRecord[] {
    return [...this.tracked].map(([label, t]) => ({ ...recordOf(label, t.tenant, t.httpStatus, t.submittedAt, t.latest), reason: t.reason }));
  }

  /** A rollback's cause is in the request's event log (the step that failed, the cancel); the rest in the request. */
  private async reasonOf(api: DemoApiClient, request: ProvisioningRequestView): Promise<string | null> {
    if (request.status !== 'ROLLED_BACK' && request.status !== 'FAILED') return decisiveReason(request);
    const events = await api.all<RequestEvent>(`/v1/provisioning-requests/${request.id}/events`);
    const cause = events.filter((event) => event.type === 'rollback-started').at(-1)?.data?.reason ?? null;
    const leftovers = request.failure?.leftovers?.length ? `${request.failure.leftovers.length} resource(s) left at the partner` : null;
    return [cause, request.failure?.detail, leftovers].filter(Boolean).join('; ') || null;
  }

  private progressLine(label: string, request: ProvisioningRequestView): string {
    const where = request.dataCentre ? `  ${partnerOf(request) ?? '?'} @ ${request.dataCentre}` : '';
    const status = this.output.style(statusStyle(request.status), request.status);
    return `  ${label}  ${status}  ${stepSummary(request)}${where}`;
  }
}

export const settled = (request: ProvisioningRequestView): boolean => SETTLED_STATUSES.includes(request.status);

/** Steps done of all, the step under way and its attempts: what a person watching wants to see move. */
function stepSummary(request: ProvisioningRequestView): string {
  if (request.steps.length === 0) return request.failure?.reason ?? '';
  if (request.status === 'AWAITING_APPROVAL') return 'waiting for approval, capacity held';
  const { done, total } = request.progress;
  const retries = request.steps.reduce((sum, step) => sum + Math.max(0, step.attempts - 1) + Math.max(0, step.compensationAttempts - 1), 0);
  const retried = retries > 0 ? `${retries} ${retries === 1 ? 'retry' : 'retries'}` : null;
  if (settled(request)) return [`${done}/${total} steps done`, retried, request.failure?.reason].filter(Boolean).join(' · ');
  const current =
    request.steps.find((step) => step.status === 'running' || step.status === 'compensating') ??
    request.steps.find((step) => step.status === 'pending');
  const attempts = current?.status === 'compensating' ? current.compensationAttempts : (current?.attempts ?? 0);
  const doing = current ? `${current.status === 'compensating' ? 'undoing ' : ''}${current.name}` : null;
  return [`step ${done}/${total}`, doing, attempts > 1 ? `attempt ${attempts}` : null, retried && `${retried} so far`].filter(Boolean).join(' · ');
}

function statusStyle(status: string): 'green' | 'red' | 'yellow' | 'cyan' {
  if (status === 'ACTIVE' || status === 'DECOMMISSIONED') return 'green';
  if (status === 'REJECTED' || status === 'FAILED' || status === 'ROLLED_BACK') return 'red';
  if (status === 'AWAITING_APPROVAL') return 'yellow';
  return 'cyan';
}
